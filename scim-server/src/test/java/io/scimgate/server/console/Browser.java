package io.scimgate.server.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through Debian's chromedriver, with a throw-away profile.
 * Screenshots go to {@code target/console-screenshots/} for review.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int SCREENSHOT_MAX_HEIGHT = 4000;

    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
        // The console re-renders parts of a page as answers arrive: look again rather than fail.
        this.wait = (WebDriverWait) new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class);
    }

    static Browser start() {
        File chromium = executable("SCIMGATE_TEST_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = executable("SCIMGATE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("scimgate-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return new Browser(profile, driver);
    }

    /**
     * Chromium and chromedriver from Debian's packages ({@code apt-get install chromium chromium-driver};
     * {@code .ci/run} installs them), or the executables the environment names.
     */
    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        File file = new File(configured != null && !configured.isBlank() ? configured : fallback);
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: the console's browser tests need Debian's chromium and "
                    + "chromium-driver (apt-get install chromium chromium-driver), or " + variable + " set to the executable");
        }
        return file;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    <T> T waitFor(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    /** Waits until the page shows {@code text} somewhere in the element found by {@code by}. */
    WebElement waitForText(By by, String text) {
        return wait.until(d -> {
            for (WebElement element : d.findElements(by)) {
                if (element.getText().contains(text)) {
                    return element;
                }
            }
            return null;
        });
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** Lets the page use the clipboard without a prompt, as an operator's click would. */
    void allowClipboard(String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    String clipboard() {
        return (String) asyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('clipboard error: ' + e));");
    }

    /** The whole page, not only the window, up to {@link #SCREENSHOT_MAX_HEIGHT} pixels down. */
    void screenshot(String name) {
        Number width = (Number) script("return document.documentElement.clientWidth");
        Number height = (Number) script("return Math.min(document.documentElement.scrollHeight, " + SCREENSHOT_MAX_HEIGHT + ")");
        capture(name, Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
    }

    /** The part of the page from the top of {@code first} to the bottom of {@code last}, at {@code scale}. */
    void screenshot(String name, WebElement first, WebElement last, double scale) {
        @SuppressWarnings("unchecked")
        Map<String, Object> clip = (Map<String, Object>) script("const a = arguments[0].getBoundingClientRect();"
                + "const b = arguments[1].getBoundingClientRect();"
                + "return {x: a.left + scrollX, y: a.top + scrollY, width: Math.max(a.right, b.right) - a.left,"
                + " height: b.bottom - a.top, scale: arguments[2]};", first, last, scale);
        capture(name, clip);
    }

    private void capture(String name, Map<String, Object> clip) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page logged at level SEVERE since the last call: script errors, CSP violations, failed loads. */
    List<String> severeLogEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }
}
