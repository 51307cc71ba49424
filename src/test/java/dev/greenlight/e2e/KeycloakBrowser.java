package dev.greenlight.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.testsupport.Chromium;

/** Debian's Chromium driven by Playwright, signing in on Keycloak's own login page (password = user name). */
final class KeycloakBrowser implements AutoCloseable {
    private final Chromium chromium;
    final Browser browser;

    private KeycloakBrowser(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.browser();
    }

    static KeycloakBrowser launch() {
        return new KeycloakBrowser(Chromium.launch());
    }

    /** Opens {@code path} on {@code app}, signs in on Keycloak's login page and waits to be back on the page. */
    static void signIn(Page page, GreenlightProcess app, String path, String username) {
        page.navigate(app.url() + path);
        page.getByLabel("Username or email").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In")).click();
        page.waitForURL(app.url() + path);
    }

    @Override
    public void close() {
        chromium.close();
    }
}
