package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.testing.MailRootFixture;

class AuditCommandTest {

    @TempDir
    Path tmp;

    private Run last;

    @BeforeEach
    void fleet() {
        MailRootFixture.in(tmp.resolve("fleet/mail01"))
                .serverTab("\"BadA\"\t\"1\"\n")
                .file("smtprelay.tab", "\"192.0.2.0\"\t\"255.255.255.0\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/mail02"))
                .serverTab("\"RootDomain\"\t\"example.org\"\n")
                .write();
    }

    static Cli cli() {
        return new Cli(List.of(
                new AuditCommand(() -> new FleetAuditor(new Auditor(TestRules.ALL), 2)),
                new ExplainCommand(TestRules.ALL.stream().map(Rule::info).toList())));
    }

    private ExitCode run(String... args) {
        last = Run.in(tmp)
                .cli(cli())
                .clock(Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC))
                .run(args);
        return last.exit();
    }

    private String out() {
        return last.out();
    }

    private String err() {
        return last.err();
    }

    @Test
    void textAuditOfATreeGroupsByServerAndExitsZeroWithoutFailOn() {
        assertEquals(ExitCode.OK, run("audit", "fleet"));
        String text = out();
        assertTrue(text.contains("== fleet/mail01 =="), text);
        assertTrue(text.contains("fleet/mail01/server.tab:1: variable BadA is set to 1"), text);
        assertTrue(
                text.contains("== fleet/mail02 ==\nXMail pre-0.50..1.27 -> 1.27, profile baseline\nNo findings."),
                text);
        assertEquals("", err());
    }

    @Test
    void failOnGivesOneOnlyAtOrAboveTheThreshold() {
        assertEquals(ExitCode.FINDINGS, run("audit", "--fail-on", "high", "fleet"));
        assertEquals(ExitCode.OK, run("audit", "--fail-on", "critical", "fleet"));
        assertEquals(ExitCode.FINDINGS, run("audit", "--fail-on", "LOW", "fleet/mail02", "fleet/mail01"));
    }

    @Test
    void waiversSuppressAndAWaiverWithoutReasonIsAnInputErrorNamingFileAndLine() throws Exception {
        Files.writeString(tmp.resolve("ok.txt"), "SEC-901 mail01/server.tab accepted for now\n");
        assertEquals(ExitCode.OK, run("audit", "--fail-on", "high", "--waivers", "ok.txt", "fleet"));
        assertTrue(out().contains("waived (ok.txt:1): accepted for now"), out());

        Files.writeString(tmp.resolve("bad.txt"), "# waivers\nSEC-901 mail01/server.tab\n");
        assertEquals(ExitCode.INPUT, run("audit", "--waivers", "bad.txt", "fleet"));
        assertEquals("bad.txt:2: the waiver for SEC-901 has no reason; every waiver needs one\n", err());
    }

    @Test
    void anUnreadableServerIsAnErrorEntryAndTheBatchExitsFour() throws Exception {
        Files.write(tmp.resolve("fleet/mail02/server.tab"), new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 0, 0});
        assertEquals(ExitCode.PARTIAL, run("audit", "--fail-on", "high", "fleet"));
        assertTrue(out().contains("== fleet/mail02 ==\nCould not be audited: "), out());
        assertTrue(out().contains("fleet/mail01/server.tab:1"), "the other server is still audited");

        assertEquals(ExitCode.PARTIAL, run("audit", "--format", "json", "fleet"));
        assertTrue(err().startsWith("fleet/mail02/server.tab: "), err());
        assertEquals(1, err().lines().count());
    }

    @Test
    void aServerThatCannotBeReadAloneIsAnInputError() throws Exception {
        Files.write(tmp.resolve("fleet/mail02/server.tab"), new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 0, 0});
        assertEquals(ExitCode.INPUT, run("audit", "fleet/mail02"));
        assertEquals(ExitCode.INPUT, run("audit", "no-such-dir"));
    }

    @Test
    void jsonAndSarifGoToStdoutAsUtf8() throws Exception {
        assertEquals(ExitCode.OK, run("audit", "--format", "json", "--profile", "strict", "fleet"));
        JsonNode json = new ObjectMapper().readTree(last.outBytes());
        assertEquals("1.3", json.get("schemaVersion").asText());
        assertEquals("strict", json.get("options").get("profile").asText());
        assertEquals("fleet/mail01", json.get("servers").get(0).get("path").asText());
        assertEquals(ExitCode.OK, run("audit", "-f", "sarif", "fleet"));
        JsonNode sarif = new ObjectMapper().readTree(last.outBytes());
        assertEquals("2.1.0", sarif.get("version").asText());
        assertEquals(
                "fleet/mail01/server.tab",
                sarif.get("runs")
                        .get(0)
                        .get("results")
                        .get(0)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("artifactLocation")
                        .get("uri")
                        .asText());
    }

    @Test
    void quietPrintsOnlyFindingLines() {
        assertEquals(ExitCode.OK, run("audit", "-q", "fleet"));
        assertEquals(
                List.of(
                        "fleet/mail01/server.tab:1: high SEC-901: variable BadA is set to 1",
                        "fleet/mail01/smtprelay.tab:1: low CFG-903: relay row 192.0.2.0"),
                out().lines().toList());
    }

    @Test
    void fromToAndInstallDirReachTheRules() throws Exception {
        Files.createDirectories(tmp.resolve("XMail"));
        assertEquals(
                ExitCode.OK,
                run("audit", "--from", "1.22", "--to", "1.27-localized", "--install-dir", "XMail", "fleet/mail02"));
        assertTrue(out().contains("XMail 1.22 (given) -> 1.27-localized"), out());
        assertTrue(out().contains("UPG-904"), out());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("audit", "--profile", "paranoid", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit", "--fail-on", "urgent", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit", "--from", "one", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit", "--to", "1.26", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit", "--format", "xml", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit", "--cert-warn-days", "10", "--cert-critical-days", "20", "fleet"));
        assertEquals(ExitCode.USAGE, run("audit"));
        assertFalse(err().contains("Exception"), err());
    }

    @Test
    void helpListsTheOptionsInJapaneseToo() {
        assertEquals(ExitCode.OK, run("audit", "--help", "--lang", "ja"));
        assertTrue(out().contains("--fail-on SEVERITY"), out());
        assertTrue(out().contains("除外ファイル"), out());
    }

    @Test
    void theRealCliHasTheAuditAndExplainCommands() {
        List<String> names = new Cli().commands().stream().map(Command::name).toList();
        assertTrue(names.containsAll(List.of("audit", "explain")), names.toString());
    }
}
