package dev.greenlight.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Chromium driven by Playwright, as every browser test starts it: headless, and without the background networking
 * that a closed network refuses. The machine's Chromium when there is one (CI machines may not download browsers);
 * otherwise Playwright's own, which it downloads once into its cache.
 */
public final class Chromium implements AutoCloseable {
    /** Where machines keep Chromium or Chrome; -Dgreenlight.chromium=/path names another. */
    private static final List<String> KNOWN_EXECUTABLES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Optional<Path> machines = machineChromium();
        // Playwright downloads its browsers when it starts unless told not to
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", machines.isPresent() ? "1" : "0")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        machines.ifPresent(options::setExecutablePath);
        return new Chromium(playwright, playwright.chromium().launch(options));
    }

    private static Optional<Path> machineChromium() {
        String named = System.getProperty("greenlight.chromium");
        if (named != null) {
            if (!Files.isExecutable(Path.of(named))) {
                throw new IllegalStateException("-Dgreenlight.chromium=" + named + " is not an executable");
            }
            return Optional.of(Path.of(named));
        }
        return KNOWN_EXECUTABLES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
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
