package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.report.OutputScan;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheSiteForEveryServerFound() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a"))
                .serverTab("\"RootDomain\"\t\"a.example\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/b"))
                .serverTab("\"RootDomain\"\t\"b.example\"\n")
                .write();
        Run r = Run.in(tmp).clock(Clock.systemUTC()).run("report", "fleet", "--out", "out", "--lang", "ja");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/servers/a.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/servers/b.html")));
        assertTrue(Files.readString(tmp.resolve("out/index.html"), StandardCharsets.UTF_8)
                .contains("<html lang=\"ja\">"));
        assertTrue(r.out().contains(tmp.resolve("out/index.html").toString()), r.out());
    }

    @Test
    void itsJsonAndSarifAreWhatTheAuditCommandPrints() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a"))
                .serverTab("\"RootDomain\"\t\"a.example\"\n")
                .file("smtprelay.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/b"))
                .serverTab("\"SMTP-RARPCheck\"\t\"1\"\n")
                .write();
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T09:00:00Z"), ZoneOffset.UTC);
        for (String lang : List.of("en", "ja")) {
            Run r = Run.in(tmp).clock(clock).run("report", "fleet", "--out", "out-" + lang, "--lang", lang);
            assertEquals(ExitCode.OK, r.exit(), r.err());
            Run json = Run.in(tmp).clock(clock).run("audit", "fleet", "--format", "json", "--lang", lang);
            Run sarif = Run.in(tmp).clock(clock).run("audit", "fleet", "--format", "sarif", "--lang", lang);
            assertEquals(json.out(), Files.readString(tmp.resolve("out-" + lang + "/report.json")));
            assertEquals(sarif.out(), Files.readString(tmp.resolve("out-" + lang + "/report.sarif")));
            assertTrue(json.out().contains("\"SEC-001\""), "the open relay is in the JSON");
            OutputScan.check(tmp.resolve("out-" + lang));
        }
    }

    @Test
    void theAuditCommandWritesOneSelfContainedHtmlPage() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a"))
                .serverTab("\"RootDomain\"\t\"<script>x</script>.example\"\n")
                .file("smtprelay.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/b"))
                .serverTab("\"SMTP-RARPCheck\"\t\"1\"\n")
                .write();
        Run r = Run.in(tmp).clock(Clock.systemUTC()).run("audit", "fleet", "--format", "html", "--lang", "ja");
        assertEquals(ExitCode.OK, r.exit(), r.err());
        Path page = tmp.resolve("page/audit.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, r.out());
        OutputScan.check(page.getParent());
        assertTrue(r.out().contains("<html lang=\"ja\">"));
        assertTrue(r.out().contains("SEC-001"));
        assertFalse(r.out().contains("<script>x"));
    }

    @Test
    void needsAnOutputDirectory() {
        Run r = Run.in(tmp).clock(Clock.systemUTC()).run("report", "x");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void aMissingInputIsAnInputError() {
        Run r = Run.in(tmp).clock(Clock.systemUTC()).run("report", "nowhere", "--out", "out");
        assertEquals(ExitCode.INPUT, r.exit());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        MailRootFixture.in(tmp.resolve("m"))
                .serverTab("\"RootDomain\"\t\"a.example\"\n")
                .write();
        assertEquals(
                ExitCode.USAGE,
                Run.in(tmp)
                        .clock(Clock.systemUTC())
                        .run("report", "m", "--out", "o", "--to", "1.28")
                        .exit());
        assertEquals(
                ExitCode.USAGE,
                Run.in(tmp)
                        .clock(Clock.systemUTC())
                        .run("report", "m", "--out", "o", "--profile", "lax")
                        .exit());
        assertEquals(
                ExitCode.USAGE,
                Run.in(tmp)
                        .clock(Clock.systemUTC())
                        .run("report", "m", "--out", "o", "--from", "one")
                        .exit());
    }

    @Test
    void theBenchmarkIsNotACommandOfTheProduct() {
        Run help = Run.in(tmp).clock(Clock.systemUTC()).run("--help");
        assertTrue(help.out().contains("report"));
        assertTrue(help.out().contains("demo"));
        assertFalse(help.out().contains("bench"));
        Run bench = Run.in(tmp).clock(Clock.systemUTC()).run("bench", "--servers", "12");
        assertEquals(ExitCode.USAGE, bench.exit(), bench.err());
        assertTrue(bench.err().contains("bench"), bench.err());
    }
}
