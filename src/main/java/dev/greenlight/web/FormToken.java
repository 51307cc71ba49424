package dev.greenlight.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;

/**
 * Whether this request has a CSRF token for forms. Requests that matched no page (a 404) or were refused before it (no
 * Greenlight role) never passed the CSRF filter; the sign-out form, which the OIDC extension handles before any page,
 * then goes without one.
 */
@RequestScoped
@Named("formToken")
public class FormToken {
    private final CsrfTokenParameterProvider csrf;

    @Inject
    FormToken(CsrfTokenParameterProvider csrf) {
        this.csrf = csrf;
    }

    public boolean isAvailable() {
        try {
            return csrf.getToken() != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
