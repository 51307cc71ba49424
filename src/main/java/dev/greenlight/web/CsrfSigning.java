package dev.greenlight.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.quarkus.runtime.Startup;

/**
 * The key under which the CSRF cookie holds the HMAC-SHA256 of the form's token
 * ({@code quarkus.rest-csrf.token-signature-key}, set from {@value #PROPERTY}). Another site that may set cookies for
 * Greenlight's host (a sibling subdomain) can plant a cookie and put a token in its form, but cannot sign one: the
 * pair it makes up never matches. Every instance needs the same key, so that a form one rendered posts to another.
 * Greenlight does not start without one of at least {@value #MIN_LENGTH} characters (the extension's minimum, which it
 * would otherwise enforce on the first page, with a 500); dev mode and the tests have their own.
 */
@Startup
@ApplicationScoped
class CsrfSigning {
    static final String PROPERTY = "greenlight.csrf.signing-key";
    static final int MIN_LENGTH = 32;

    private final String key;

    @Inject
    CsrfSigning(@ConfigProperty(name = "quarkus.rest-csrf.token-signature-key") Optional<String> key,
            @ConfigProperty(name = "quarkus.init-and-exit", defaultValue = "false") boolean initAndExit) {
        // the migration job (init and exit) serves no page and is not given the key
        if (!initAndExit && key.filter(k -> k.length() >= MIN_LENGTH).isEmpty()) {
            throw new IllegalStateException("Set " + PROPERTY + " (GREENLIGHT_CSRF_SIGNING_KEY) to a secret of at"
                    + " least " + MIN_LENGTH + " characters, the same on every instance: it signs the CSRF cookie.");
        }
        this.key = key.orElse(null);
    }

    /** The cookie value that goes with the form token {@code token}, as Quarkus' CSRF filter computes it. */
    String cookieFor(String token) {
        return CsrfTokenUtils.signCsrfToken(token, key);
    }

    /** Whether {@code cookie} is this server's signature of {@code token}; false for anything malformed. */
    boolean signs(String cookie, String token) {
        try {
            return MessageDigest.isEqual(cookieFor(token).getBytes(StandardCharsets.US_ASCII),
                    cookie.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
