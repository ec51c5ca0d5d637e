package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;

class ReportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheSiteForEveryServerFound() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a")).serverTab("\"RootDomain\"\t\"a.example\"\n").write();
        MailRootFixture.in(tmp.resolve("fleet/b")).serverTab("\"RootDomain\"\t\"b.example\"\n").write();
        CliRunner r = CliRunner.run(tmp, "report", "fleet", "--out", "out", "--lang", "ja");
        assertEquals(ExitCode.OK, r.code, r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("out/servers/a.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/servers/b.html")));
        assertTrue(Files.readString(tmp.resolve("out/index.html"), StandardCharsets.UTF_8)
                .contains("<html lang=\"ja\">"));
        assertTrue(r.out().contains(tmp.resolve("out/index.html").toString()), r.out());
    }

    @Test
    void itsJsonAndSarifAreWhatTheAuditCommandPrints() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a")).serverTab("\"RootDomain\"\t\"a.example\"\n")
                .file("smtprelay.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\n").write();
        MailRootFixture.in(tmp.resolve("fleet/b")).serverTab("\"SMTP-RARPCheck\"\t\"1\"\n").write();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2025-06-01T09:00:00Z"),
                java.time.ZoneOffset.UTC);
        for (String lang : java.util.List.of("en", "ja")) {
            CliRunner r = CliRunner.run(tmp, clock, "report", "fleet", "--out", "out-" + lang, "--lang", lang);
            assertEquals(ExitCode.OK, r.code, r.err());
            CliRunner json = CliRunner.run(tmp, clock, "audit", "fleet", "--format", "json", "--lang", lang);
            CliRunner sarif = CliRunner.run(tmp, clock, "audit", "fleet", "--format", "sarif", "--lang", lang);
            assertEquals(json.out(), Files.readString(tmp.resolve("out-" + lang + "/report.json")));
            assertEquals(sarif.out(), Files.readString(tmp.resolve("out-" + lang + "/report.sarif")));
            assertTrue(json.out().contains("\"SEC-001\""), "the open relay is in the JSON");
            org.xmailkit.report.OutputScan.check(tmp.resolve("out-" + lang));
        }
    }

    @Test
    void theAuditCommandWritesOneSelfContainedHtmlPage() throws Exception {
        MailRootFixture.in(tmp.resolve("fleet/a")).serverTab("\"RootDomain\"\t\"<script>x</script>.example\"\n")
                .file("smtprelay.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\n").write();
        MailRootFixture.in(tmp.resolve("fleet/b")).serverTab("\"SMTP-RARPCheck\"\t\"1\"\n").write();
        CliRunner r = CliRunner.run(tmp, "audit", "fleet", "--format", "html", "--lang", "ja");
        assertEquals(ExitCode.OK, r.code, r.err());
        Path page = tmp.resolve("page/audit.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, r.out());
        org.xmailkit.report.OutputScan.check(page.getParent());
        assertTrue(r.out().contains("<html lang=\"ja\">"));
        assertTrue(r.out().contains("SEC-001"));
        assertFalse(r.out().contains("<script>x"));
    }

    @Test
    void needsAnOutputDirectory() {
        CliRunner r = CliRunner.run(tmp, "report", "x");
        assertEquals(ExitCode.USAGE, r.code);
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void aMissingInputIsAnInputError() {
        CliRunner r = CliRunner.run(tmp, "report", "nowhere", "--out", "out");
        assertEquals(ExitCode.INPUT, r.code);
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        MailRootFixture.in(tmp.resolve("m")).serverTab("\"RootDomain\"\t\"a.example\"\n").write();
        assertEquals(ExitCode.USAGE, CliRunner.run(tmp, "report", "m", "--out", "o", "--to", "1.28").code);
        assertEquals(ExitCode.USAGE, CliRunner.run(tmp, "report", "m", "--out", "o", "--profile", "lax").code);
        assertEquals(ExitCode.USAGE, CliRunner.run(tmp, "report", "m", "--out", "o", "--from", "one").code);
    }

    @Test
    void theBenchmarkIsNotACommandOfTheProduct() {
        CliRunner help = CliRunner.run(tmp, "--help");
        assertTrue(help.out().contains("report"));
        assertTrue(help.out().contains("demo"));
        assertFalse(help.out().contains("bench"));
        CliRunner bench = CliRunner.run(tmp, "bench", "--servers", "12");
        assertEquals(ExitCode.USAGE, bench.code, bench.err());
        assertTrue(bench.err().contains("bench"), bench.err());
    }
}
