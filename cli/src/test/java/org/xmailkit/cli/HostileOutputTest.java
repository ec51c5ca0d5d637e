package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * Terminal injection through the command line: MailRoot directories named with escape sequences (clear screen, window
 * title), a newline (which would forge a {@code ==} header), a C1 CSI and a right-to-left override, and values with
 * C1 and bidirectional controls. Whatever the command, nothing printed as text may carry a control character other
 * than the line breaks xmailkit prints itself; JSON keeps the exact strings; HTML pages (a report, or {@code audit -f
 * html} on a terminal) show them escaped as the text does.
 */
class HostileOutputTest {

    /** Clears the screen, sets the window title, forges a header on a new line, CSI, then reverses the text. */
    private static final String HOSTILE_DIR = "mx\u001B[2J\u001B]0;owned\u0007\n== forged ==\u009B31m\u202Egnp.exe";

    @TempDir
    Path tmp;

    private Path hostileRoot() {
        return MailRootFixture.in(tmp.resolve("fleet").resolve(HOSTILE_DIR))
                .xmail127Default()
                .serverTab("\"RootDomain\"\t\"\u65E5\u672C.example\"\n"
                        + "\"SmtpServerDomain\"\t\"mx\u202Eexample\u009D0;t\u009C.jp\"\n"
                        + "\"Unknown\u200FName\"\t\"x\u009By\u2066z\"\n"
                        + "\"SmtpMsgIPBandMaps\"\t\"550 \u202Edeyalb\"\n"
                        + "\"DefaultSMTPGateways\"\t\"gw1.isp.example,gw2.isp.example\"\n")
                .write();
    }

    /** A character that must never reach a terminal from input; the line breaks are checked separately. */
    private static boolean dangerous(char c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x7F && c <= 0x9F)
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u2028'
                || c == '\u2029';
    }

    private static void assertInert(String what, String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (dangerous(c)) {
                found.add(String.format("U+%04X at %d", (int) c, i));
            }
        }
        if (!found.isEmpty()) {
            fail(what + " sent " + found + ":\n" + text);
        }
        if (text.lines().anyMatch(l -> l.startsWith("== forged"))) {
            fail(what + " let a newline in a path forge a line:\n" + text);
        }
    }

    private static void assertInert(String what, Run r) {
        assertInert(what + " stdout", r.out());
        assertInert(what + " stderr", r.err());
    }

    @Test
    void auditTextShowsTheHostilePathAndValuesEscaped() {
        hostileRoot();
        Run r = Run.of(tmp, "audit", "--profile", "strict", "fleet");
        assertInert("audit", r);
        assertTrue(
                r.out().contains("== fleet/mx\\x1B[2J\\x1B]0;owned\\x07\\x0A== forged ==\\x9B31m\\u202Egnp.exe =="),
                r.out());
        assertTrue(r.out().contains("Unknown\\u200FName"), r.out());
        assertTrue(r.out().contains("x\\x9By\\u2066z"), r.out());
        Run quiet = Run.of(tmp, "audit", "-q", "--lang", "ja", "fleet");
        assertInert("audit -q", quiet);
        assertTrue(quiet.out().contains("\\x0A== forged =="), quiet.out());
    }

    @Test
    void jsonAndSarifKeepTheExactStringsWithoutSendingControls() throws Exception {
        Path root = hostileRoot();
        String exact = tmp.relativize(root).toString().replace('\\', '/');
        Run json = Run.of(tmp, "audit", "-f", "json", "fleet");
        assertEquals(ExitCode.OK, json.exit(), json.err());
        assertInert("audit -f json", json.out().replace("\n", " "));
        assertTrue(json.out().contains("\\u202E") && json.out().contains("\\u009B"), json.out());
        List<String> paths = new ArrayList<>();
        new ObjectMapper().readTree(json.out()).findValues("path").forEach(n -> paths.add(n.asText()));
        assertTrue(paths.contains(exact), "the exact path is kept: " + paths);

        Run sarif = Run.of(tmp, "audit", "-f", "sarif", "fleet");
        assertEquals(ExitCode.OK, sarif.exit(), sarif.err());
        assertInert("audit -f sarif", sarif.out().replace("\n", " "));
        List<String> uris = new ArrayList<>();
        new ObjectMapper()
                .readTree(sarif.out())
                .findValues("uri")
                .forEach(n -> uris.add(URI.create(n.asText()).getPath()));
        assertTrue(uris.contains(exact + "/server.tab"), "the exact path is kept: " + uris);
    }

    @Test
    void showMigrateAndReportPrintNoControlCharacter() throws Exception {
        hostileRoot();
        Run show = Run.of(tmp, "show", "--all", "fleet");
        assertEquals(ExitCode.OK, show.exit(), show.err());
        assertInert("show", show);
        assertTrue(show.out().contains("mx\\u202Eexample\\x9D0;t\\x9C.jp"), show.out());
        Run showJson = Run.of(tmp, "show", "-f", "json", "fleet");
        assertInert("show -f json", showJson.out().replace("\n", " "));

        Run dry = Run.of(tmp, "migrate", "fleet");
        assertEquals(ExitCode.OK, dry.exit(), dry.err());
        assertInert("migrate", dry);
        assertTrue(dry.out().contains("@@"), dry.out());
        Run write = Run.of(tmp, "migrate", "--write", "fleet");
        assertEquals(ExitCode.OK, write.exit(), write.err());
        assertInert("migrate --write", write);
        Run back = Run.of(tmp, "migrate", "--rollback", "fleet");
        assertEquals(ExitCode.OK, back.exit(), back.err());
        assertInert("migrate --rollback", back);

        Path site = tmp.resolve("site\u001B[2J\u202E");
        Run report = Run.of(tmp, "report", "fleet", "--out", site.toString());
        assertEquals(ExitCode.OK, report.exit(), report.err());
        assertInert("report", report);
        assertTrue(Files.exists(site.resolve("index.html")));
        try (Stream<Path> files = Files.walk(site)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertInert("report " + site.relativize(f), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8)
                .contains("mx\\x1B[2J\\x1B]0;owned\\x07\\x0A== forged ==\\x9B31m\\u202Egnp.exe"));

        Run html = Run.of(tmp, "audit", "-f", "html", "fleet");
        assertEquals(ExitCode.OK, html.exit(), html.err());
        assertInert("audit -f html", html);
    }

    @Test
    void errorsNamingAHostilePathAreOneEscapedLine() {
        for (String command : List.of("audit", "show", "migrate")) {
            Run r = Run.of(tmp, command, "missing\u001B[2J\n== forged ==\u202E", "--verbose");
            assertEquals(ExitCode.INPUT, r.exit(), command + ": " + r.err());
            assertInert(command + " error", r);
            assertTrue(r.err().contains("missing\\x1B[2J\\x0A== forged ==\\u202E"), r.err());
        }
        Run usage = Run.of(tmp, "audit", "--frobnicate\u001B]0;x\u0007", "fleet");
        assertEquals(ExitCode.USAGE, usage.exit());
        assertInert("usage error", usage);
        for (String command : List.of("vars", "explain")) {
            Run r = Run.of(tmp, command, "Root\u001B[2J\u009B\u202EDomain");
            assertInert(command + " with a hostile name", r);
            assertTrue((r.out() + r.err()).contains("Root\\x1B[2J\\x9B\\u202EDomain"), r.out() + r.err());
        }
    }

    @Test
    void theHostileFixtureReallyHoldsTheControls() throws Exception {
        Path root = hostileRoot();
        String tab = Files.readString(root.resolve("server.tab"), StandardCharsets.UTF_8);
        assertTrue(root.getFileName().toString().contains("\u001B[2J")
                && tab.contains("\u009B")
                && tab.contains("\u202E"));
        assertTrue(root.getFileName().toString().contains("\n"));
    }
}
