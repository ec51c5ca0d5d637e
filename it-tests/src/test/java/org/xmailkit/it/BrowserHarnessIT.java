package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The browser harness the report tests use, on pages of its own: it sees a page's script run, follows a link,
 * and notices console errors and network requests, so that "no errors, no requests" on the report means
 * something.
 */
class BrowserHarnessIT {

    private static final Path OUT = Path.of(System.getProperty("xmailkit.it.out", "target/it"), "browser");

    @Test
    void selfContainedPagesLoadWithoutErrorsOrRequestsAndTheLinkWorks() throws IOException {
        Path dir = Fleets.fresh("browser/pages");
        Path index = write(dir.resolve("index.html"), """
                <!doctype html>
                <html lang="ja"><head><meta charset="utf-8"><title>一覧</title>
                <style>body { font-family: sans-serif; } td { border: 1px solid #888; padding: 4px; }</style>
                </head><body>
                <h1>サーバー一覧</h1>
                <table><thead><tr><th>server</th><th>grade</th></tr></thead>
                <tbody><tr><td><a id="mx1" href="servers/mx1.html">mx1</a></td><td>B</td></tr></tbody></table>
                <p id="status">script did not run</p>
                <script>document.getElementById('status').textContent =
                    'rows: ' + document.querySelectorAll('tbody tr').length;</script>
                </body></html>
                """);
        Path server = write(dir.resolve("servers/mx1.html"), """
                <!doctype html>
                <html lang="ja"><head><meta charset="utf-8"><title>mx1</title></head>
                <body><h1 id="name">mx1.example.jp</h1><a href="../index.html">戻る</a></body></html>
                """);

        try (Chromium browser = Chromium.start(OUT.resolve("harness"))) {
            browser.open(index.toUri());
            assertEquals("一覧", browser.driver().getTitle());
            assertEquals(
                    "rows: 1", browser.driver().findElement(By.id("status")).getText());
            assertTrue(Files.size(browser.screenshot("index")) > 0);

            browser.driver().findElement(By.id("mx1")).click();
            assertEquals(
                    "mx1.example.jp",
                    browser.driver().findElement(By.id("name")).getText());
            assertEquals(server.toUri(), URI.create(browser.driver().getCurrentUrl()));
            assertTrue(Files.size(browser.screenshot("server")) > 0);

            assertEquals(List.of(), browser.consoleErrors());
            assertEquals(List.of(), browser.networkRequests());
            assertEquals(List.of(index.toUri(), server.toUri()), uris(browser.requests()));
        }
    }

    /** The checks can fail: a script error and a request for an outside resource are both seen. */
    @Test
    void consoleErrorsAndOutsideRequestsAreSeen() throws IOException {
        Path dir = Fleets.fresh("browser/leaky");
        Path page = write(dir.resolve("leaky.html"), """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>leaky</title></head><body>
                <img alt="" src="http://127.0.0.1:9/pixel.png">
                <script>console.error('deliberate failure');</script>
                </body></html>
                """);

        try (Chromium browser = Chromium.start(OUT.resolve("leaky"))) {
            browser.open(page.toUri());
            browser.screenshot("leaky");

            assertTrue(
                    browser.consoleErrors().stream().anyMatch(e -> e.contains("deliberate failure")),
                    () -> browser.consoleErrors().toString());
            assertEquals(List.of("http://127.0.0.1:9/pixel.png"), browser.networkRequests());
        }
    }

    private static Path write(Path file, String html) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, html);
    }

    private static List<URI> uris(List<String> requests) {
        return requests.stream().map(URI::create).toList();
    }
}
