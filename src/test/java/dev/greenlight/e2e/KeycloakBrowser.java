package dev.greenlight.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/** Debian's Chromium driven by Playwright, signing in on Keycloak's own login page (password = user name). */
final class KeycloakBrowser implements AutoCloseable {
    /** Debian's Chromium; override with -Dgreenlight.chromium=/path. */
    private static final Path CHROMIUM = Path.of(System.getProperty("greenlight.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    final Browser browser;

    private KeycloakBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static KeycloakBrowser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
        }
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new KeycloakBrowser(playwright, browser);
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
        browser.close();
        playwright.close();
    }
}
