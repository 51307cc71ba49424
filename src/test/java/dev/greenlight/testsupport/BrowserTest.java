package dev.greenlight.testsupport;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser journey needs: Debian's Chromium for the test class, a fresh browser profile per test, and
 * signing in as a demo user on the development sign-in page.
 */
public abstract class BrowserTest {
    private static Chromium chromium;

    @TestHTTPResource("/")
    protected URL base;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void openProfile() {
        context = chromium.newContext();
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closeProfile() {
        context.close();
    }

    /** Opens {@code path} ("/releases/new") and picks {@code user} on the sign-in page it leads to. */
    protected void signInAs(Users user, String path) {
        page.navigate(base + path.substring(1));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(user.username).setExact(true)).click();
    }

    /** A fresh browser profile: the next sign-in is someone else. */
    protected void switchUser() {
        closeProfile();
        openProfile();
    }
}
