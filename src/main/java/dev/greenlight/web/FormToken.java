package dev.greenlight.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;

/**
 * Whether this request has a CSRF token for forms. Requests that matched no page (a 404) never passed the CSRF filter,
 * so the layout leaves out its sign-out form there rather than fail.
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
