package dev.greenlight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Optional;

import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The production profile, resolved from application.properties as Quarkus resolves it: both cookies Secure, tokens
 * accepted only for Greenlight's audience, on pages as on the API, and no CSRF signing key but the environment's.
 */
class ProductionProfileTest {

    private static SmallRyeConfig profile(String name) throws IOException {
        URL properties = ProductionProfileTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withProfile(name)
                .withSources(new PropertiesConfigSource(properties))
                .build();
    }

    private static boolean flag(SmallRyeConfig config, String name) {
        return config.getOptionalValue(name, Boolean.class).orElse(false);
    }

    @Test
    void productionCookiesAreSecure() throws IOException {
        SmallRyeConfig prod = profile("prod");

        assertThat(flag(prod, "quarkus.oidc.authentication.cookie-force-secure")).isTrue();
        assertThat(flag(prod, "quarkus.rest-csrf.cookie-force-secure")).isTrue();
        assertThat(prod.getValue("quarkus.oidc.authentication.cookie-same-site", String.class)).isEqualToIgnoringCase(
                "lax");
        assertThat(prod.getValue("quarkus.http.same-site-cookie.\"csrf-token\".value", String.class))
                .isEqualToIgnoringCase("lax");
        assertThat(flag(prod, "quarkus.rest-csrf.require-form-url-encoded")).isTrue();
        assertThat(flag(prod, Flash.SECURE_PROPERTY)).as("the flash cookie").isTrue();
    }

    @Test
    void testsRunOverPlainHttpWithoutTheSecureFlag() throws IOException {
        SmallRyeConfig test = profile("test");

        assertThat(flag(test, "quarkus.oidc.authentication.cookie-force-secure")).isFalse();
        assertThat(flag(test, "quarkus.rest-csrf.cookie-force-secure")).isFalse();
        assertThat(flag(test, Flash.SECURE_PROPERTY)).isFalse();
    }

    /** What the production flag does: the flash message's cookie is Secure, and stays HttpOnly and Lax. */
    @Test
    void theFlashCookieIsSecureWhenTheFlagIsOn() {
        NewCookie secure = Flash.redirect(URI.create("/releases"), "Saved", true).getCookies().get("gl_flash");
        NewCookie plain = Flash.redirect(URI.create("/releases"), "Saved", false).getCookies().get("gl_flash");

        assertThat(secure.isSecure()).isTrue();
        assertThat(secure.isHttpOnly()).isTrue();
        assertThat(secure.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);
        assertThat(plain.isSecure()).isFalse();
    }

    /** Production has no CSRF signing key of its own: it must come from the environment, else Greenlight stops. */
    @Test
    void productionTakesTheCsrfSigningKeyFromTheEnvironmentOnly() throws IOException {
        SmallRyeConfig prod = profile("prod");
        SmallRyeConfig test = profile("test");

        assertThat(prod.getOptionalValue(CsrfSigning.PROPERTY, String.class)).isEmpty();
        assertThat(prod.getOptionalValue("quarkus.rest-csrf.token-signature-key", String.class)).isEmpty();
        assertThat(test.getValue("quarkus.rest-csrf.token-signature-key", String.class))
                .isEqualTo(test.getValue(CsrfSigning.PROPERTY, String.class))
                .hasSizeGreaterThanOrEqualTo(CsrfSigning.MIN_LENGTH);
    }

    @Test
    void greenlightDoesNotStartWithoutACsrfSigningKeyOfThirtyTwoCharacters() {
        String shortKey = "x".repeat(CsrfSigning.MIN_LENGTH - 1);

        assertThatThrownBy(() -> new CsrfSigning(Optional.empty(), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GREENLIGHT_CSRF_SIGNING_KEY");
        assertThatThrownBy(() -> new CsrfSigning(Optional.of(shortKey), false))
                .isInstanceOf(IllegalStateException.class);
        String key = "y".repeat(CsrfSigning.MIN_LENGTH);
        CsrfSigning signing = new CsrfSigning(Optional.of(key), false);
        assertThat(signing.signs(signing.cookieFor("AAAAAAAAAAAAAAAAAAAAAA"), "AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
        assertThat(new CsrfSigning(Optional.of("z".repeat(CsrfSigning.MIN_LENGTH)), false)
                .signs(signing.cookieFor("AAAAAAAAAAAAAAAAAAAAAA"), "AAAAAAAAAAAAAAAAAAAAAA")).as("another key")
                .isFalse();
        // the migration job serves no page and is not given the key
        new CsrfSigning(Optional.empty(), true);
    }

    @Test
    void productionAcceptsTokensOnlyForGreenlightsAudienceOnPagesAndApi() throws IOException {
        SmallRyeConfig prod = profile("prod");

        assertThat(prod.getValue("quarkus.oidc.token.audience", String.class)).isEqualTo("greenlight");
        assertThat(prod.getValue("quarkus.oidc.api.token.audience", String.class)).isEqualTo("greenlight");
    }
}
