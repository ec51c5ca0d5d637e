package org.xmailkit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (never a downloaded browser or driver), with a
 * fresh profile and no background traffic. It keeps what the pages did: console messages at error level and the
 * URL of every request the browser sent (from the DevTools network events), and saves screenshots.
 */
final class Chromium implements AutoCloseable {

    /** Chromium's flags: headless, as root, and quiet on the network (no updates, sync or QUIC probes). */
    static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-quic",
            "--disable-sync",
            "--window-size=1280,900");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger SELENIUM_DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    /** Schemes of requests that never leave the machine's file system or the page itself. */
    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "data", "about", "blob");

    static {
        // Selenium warns that it has no DevTools bindings for this Chromium version; the harness needs none.
        SELENIUM_DEVTOOLS_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    private Chromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** @return Chromium's executable ({@code -Dxmailkit.chromium}, by default Debian's) */
    static Path binary() {
        return Path.of(System.getProperty("xmailkit.chromium", "/usr/bin/chromium"));
    }

    /** @return ChromeDriver's executable ({@code -Dxmailkit.chromedriver}, by default Debian's) */
    static Path driverBinary() {
        return Path.of(System.getProperty("xmailkit.chromedriver", "/usr/bin/chromedriver"));
    }

    /**
     * Starts the browser; a missing Chromium fails the test in CI and skips it elsewhere.
     *
     * @param screenshots where {@link #screenshot} saves pictures (created if needed)
     * @return the running browser
     */
    static Chromium start(Path screenshots) {
        Prerequisites.require(
                Files.isExecutable(binary()) && Files.isExecutable(driverBinary()),
                "no Chromium at " + binary() + " with ChromeDriver at " + driverBinary()
                        + " (bin/test installs Debian's chromium and chromium-driver)");
        try {
            Files.createDirectories(screenshots);
            Path profile = Files.createTempDirectory("xmailkit-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary().toFile());
            options.addArguments(FLAGS);
            options.addArguments("--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            logs.enable(LogType.PERFORMANCE, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // The driver's path is given, so Selenium never looks for (or downloads) one.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(driverBinary().toFile())
                    .usingAnyFreePort()
                    .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Chromium browser = new Chromium(driver, profile, screenshots);
            // Chromium starts on its own new-tab page (chrome:// resources); what the tests see starts after it.
            driver.get("about:blank");
            browser.drain();
            browser.consoleErrors.clear();
            browser.requests.clear();
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the WebDriver, to find and click elements */
    ChromeDriver driver() {
        return driver;
    }

    /**
     * @param page a page to load
     * @return this browser
     */
    Chromium open(URI page) {
        driver.get(page.toString());
        return this;
    }

    /**
     * @param name a file name without extension
     * @return the PNG written under the screenshot directory
     */
    Path screenshot(String name) {
        Path target = screenshots.resolve(name + ".png");
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the console messages at error level so far (the page's own errors and failed loads) */
    List<String> consoleErrors() {
        drain();
        return List.copyOf(consoleErrors);
    }

    /** @return the URL of every request the pages made so far (file and data URLs included), in order */
    List<String> requests() {
        drain();
        return List.copyOf(requests);
    }

    /** @return the requests that would go over a network: any scheme but file, data, about and blob */
    List<String> networkRequests() {
        return requests().stream()
                .filter(url ->
                        !LOCAL_SCHEMES.contains(URI.create(url).getScheme().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private void drain() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(e.getMessage());
            }
        }
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(e.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                    requests.add(
                            message.path("params").path("request").path("url").asText());
                }
            } catch (IOException bad) {
                throw new UncheckedIOException(bad);
            }
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> all = Files.walk(profile)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // A profile left in the temporary directory harms nothing.
            }
        }
    }
}
