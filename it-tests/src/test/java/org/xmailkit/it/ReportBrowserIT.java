package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.xmailkit.cli.ExitCode;

/**
 * The report the packaged jar writes in a container, read in Debian's headless Chromium from file URLs, as an
 * administrator opens it: the fleet page lists every server once, its script sorts and filters, a server's link
 * leads to that server's page, and no page logs an error or asks for anything but the report's own files.
 * Screenshots go to target/it/browser.
 */
class ReportBrowserIT {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("xmailkit.it.out", "target/it"), "browser");

    /** Where the report is written in the container. */
    private static final String OUT = "/out";

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @ParameterizedTest(name = "--lang {0}")
    @ValueSource(strings = {"en", "ja"})
    void reportOpensOfflineWithOneRowPerServerAndWorkingServerLinks(String lang) throws IOException {
        Path fleet = LegacyFleet.write("report-browser-" + lang + "/fleet");
        Path out = Fleets.fresh("report-browser-" + lang + "/report");

        CliRun run = InContainer.xmailkit("report", "--lang", lang, "--out", OUT, InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .writable(out, OUT)
                .user(Fleets.owner(out))
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertTrue(run.stdout().contains(OUT + "/index.html"), run::toString);
        Path index = out.resolve("index.html");

        try (Chromium browser = Chromium.start(SCREENSHOTS.resolve("report-" + lang))) {
            ChromeDriver page = browser.driver();
            browser.open(index.toUri());
            browser.screenshot("index");
            assertEquals(lang, page.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals(
                    lang.equals("ja"),
                    hasJapanese(page.findElement(By.tagName("h1")).getText()),
                    () -> "fleet heading: " + page.findElement(By.tagName("h1")).getText());

            List<WebElement> rows = page.findElements(By.cssSelector("#servers tbody tr"));
            assertEquals(LegacyFleet.SERVERS.size(), rows.size(), "rows of the fleet table");
            Set<String> linked = new TreeSet<>();
            for (WebElement row : rows) {
                linked.add(row.findElement(By.cssSelector("th a")).getText());
            }
            assertEquals(new TreeSet<>(LegacyFleet.SERVERS), linked);

            // The inline script ran: the filter form is shown and filters the table.
            assertTrue(page.findElement(By.id("filter")).isDisplayed(), "the filter form is hidden");
            page.findElement(By.id("filter-text")).sendKeys(LegacyFleet.XMAILCFG);
            assertEquals(1, visibleRows(page), "rows left by the filter");
            browser.screenshot("index-filtered");
            page.findElement(By.id("filter-text")).clear();
            page.findElement(By.id("filter-text")).sendKeys(" ");
            assertEquals(LegacyFleet.SERVERS.size(), visibleRows(page), "rows after clearing the filter");

            page.findElement(By.linkText(LegacyFleet.XMAILCFG)).click();
            Path server = out.resolve("servers/" + LegacyFleet.XMAILCFG + ".html");
            assertEquals(server.toUri(), URI.create(page.getCurrentUrl()));
            String heading = page.findElement(By.tagName("h1")).getText();
            assertTrue(heading.contains(LegacyFleet.XMAILCFG), heading);
            assertEquals(lang.equals("ja"), hasJapanese(heading), heading);
            assertEquals(
                    InContainer.FLEET + "/" + LegacyFleet.XMAILCFG,
                    page.findElement(By.cssSelector("p.lead.path code")).getText());
            // The Windows-31J reply text, decoded and shown as text.
            assertTrue(page.findElement(By.tagName("main")).getText().contains(LegacyFleet.JAPANESE_REPLY));
            browser.screenshot("server-" + LegacyFleet.XMAILCFG);

            page.findElement(By.cssSelector("a[href='../index.html']")).click();
            assertEquals(index.toUri(), URI.create(page.getCurrentUrl()));

            // Every other page of the report loads cleanly too.
            for (Path html : htmlFiles(out)) {
                browser.open(html.toUri());
            }
            browser.open(out.resolve("rules.html").toUri());
            browser.screenshot("rules");

            assertEquals(List.of(), browser.consoleErrors(), "console errors");
            assertEquals(List.of(), browser.networkRequests(), "network requests");
            assertOnlyOwnFiles(browser.requests(), out);
        }
    }

    /**
     * {@code demo} with nothing but the jar in the container: it writes the report under the working directory and
     * prints where index.html is; the report opens offline and its links work.
     */
    @Test
    void demoWorksWithNothingButTheJarAndItsReportOpensOffline() throws IOException {
        Path work = Fleets.fresh("demo");

        CliRun run = InContainer.xmailkit("demo")
                .workingDir(OUT)
                .writable(work, OUT)
                .user(Fleets.owner(work))
                .env("LANG", "ja_JP.UTF-8")
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        List<String> lines = run.stdout().lines().toList();
        String printed = lines.get(lines.size() - 1);
        assertTrue(printed.startsWith(OUT + "/") && printed.endsWith("/index.html"), run::toString);
        Path index = work.resolve(printed.substring(OUT.length() + 1));
        assertTrue(Files.isRegularFile(index), index::toString);
        Path site = index.getParent();

        try (Chromium browser = Chromium.start(SCREENSHOTS.resolve("demo"))) {
            ChromeDriver page = browser.driver();
            browser.open(index.toUri());
            assertEquals("ja", page.findElement(By.tagName("html")).getAttribute("lang"));
            List<WebElement> rows = page.findElements(By.cssSelector("#servers tbody tr"));
            assertTrue(rows.size() >= 8, () -> rows.size() + " servers in the demo");
            List<String> targets = new ArrayList<>();
            for (WebElement row : rows) {
                targets.add(row.findElement(By.cssSelector("th a")).getAttribute("href"));
            }
            assertAll(targets.stream()
                    .map(href -> () -> assertTrue(Files.isRegularFile(Path.of(URI.create(href))), href)));
            browser.screenshot("index");

            WebElement last = rows.get(rows.size() - 1).findElement(By.cssSelector("th a"));
            String id = last.getText();
            last.click();
            assertEquals(site.resolve("servers/" + id + ".html").toUri(), URI.create(page.getCurrentUrl()));
            assertTrue(page.findElement(By.tagName("h1")).getText().contains(id));
            browser.screenshot("server");

            assertEquals(List.of(), browser.consoleErrors(), "console errors");
            assertEquals(List.of(), browser.networkRequests(), "network requests");
            assertOnlyOwnFiles(browser.requests(), site);
        }
    }

    private static long visibleRows(ChromeDriver page) {
        return page.findElements(By.cssSelector("#servers tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .count();
    }

    private static boolean hasJapanese(String text) {
        return text.codePoints().anyMatch(c -> switch (Character.UnicodeScript.of(c)) {
            case HIRAGANA, KATAKANA, HAN -> true;
            default -> false;
        });
    }

    /** Every request the browser made was for a file of the report itself. */
    private static void assertOnlyOwnFiles(List<String> requests, Path site) {
        String root = site.toUri().toString();
        assertFalse(requests.isEmpty());
        assertAll(requests.stream().map(url -> () -> assertTrue(url.startsWith(root), url + " is outside " + root)));
    }

    private static List<Path> htmlFiles(Path site) throws IOException {
        try (Stream<Path> all = Files.walk(site)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }
}
