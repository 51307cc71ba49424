package dev.greenlight.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, as every browser test starts it: headless, and without the background
 * networking that this machine's closed network refuses. Test tools may not download browsers here.
 */
public final class Chromium implements AutoCloseable {
    /** Debian's Chromium; override with -Dgreenlight.chromium=/path. */
    private static final Path EXECUTABLE = Path.of(System.getProperty("greenlight.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(
                    EXECUTABLE + " is missing: install Debian's chromium (apt-get install chromium)");
        }
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh profile: no cookies, so the next sign-in is whoever signs in next. */
    public BrowserContext newContext() {
        return browser.newContext();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
