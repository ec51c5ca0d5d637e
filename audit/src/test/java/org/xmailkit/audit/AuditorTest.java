package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

class AuditorTest {

    private static final Clock MARCH_2025 = Clock.fixed(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    private static final AuditOptions OPTIONS = AuditOptions.defaults().withClock(MARCH_2025);
    private static final Auditor AUDITOR = new Auditor(List.of(
            TestRules.BAD_VARIABLE,
            TestRules.CTRL_ACCOUNT,
            TestRules.STRICT_ONLY,
            TestRules.RELAY_ROW,
            TestRules.INSTALL_DIR));

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab) {
        return MailRootFixture.in(tmp.resolve("m"))
                .serverTab(serverTab)
                .file("smtprelay.tab", "\"192.0.2.0\"\t\"255.255.255.0\"\n")
                .file("ctrlaccounts.tab", "\"admin\"\t\"0a0b\"\n")
                .open();
    }

    private static List<String> ids(AuditResult r) {
        return r.findings().stream()
                .map(f -> f.rule().id() + "@" + f.location().file().getFileName() + ":"
                        + f.location().line())
                .toList();
    }

    private static RuleOutcome.Status status(AuditResult r, String id) {
        return r.outcomes().stream()
                .filter(o -> o.rule().id().equals(id))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void findingsAreOrderedBySeverityThenFileThenLineWhateverTheRuleOrder() {
        MailRoot root = root("\"BadB\"\t\"1\"\n\"BadA\"\t\"2\"\n");
        List<String> expected = List.of(
                "SEC-905@ctrlaccounts.tab:1",
                "SEC-901@server.tab:1",
                "SEC-901@server.tab:2",
                "CFG-903@smtprelay.tab:1");
        assertEquals(expected, ids(AUDITOR.audit(root, OPTIONS)));
        List<Rule> shuffled = new ArrayList<>(AUDITOR.rules());
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(expected, ids(new Auditor(shuffled).audit(root, OPTIONS)));
    }

    @Test
    void strictProfileRunsStrictRulesAndBaselineSkipsThem() {
        MailRoot root = root("\"RootDomain\"\t\"example.com\"\n");
        AuditResult baseline = AUDITOR.audit(root, OPTIONS);
        assertEquals(RuleOutcome.Status.SKIPPED, status(baseline, "TLS-902"));
        AuditResult strict = AUDITOR.audit(root, OPTIONS.withProfile(Profile.STRICT));
        assertEquals(RuleOutcome.Status.FAILED, status(strict, "TLS-902"));
        assertTrue(ids(strict).contains("TLS-902@server.tab:0"));
    }

    @Test
    void bareServerTabAndMissingInstallDirMakeRulesNotApplicable() throws Exception {
        Path tab = MailRootFixture.in(tmp.resolve("bare"))
                .serverTab("\"BadX\"\t\"1\"\n")
                .write()
                .resolve("server.tab");
        AuditResult r = AUDITOR.audit(MailRoot.open(tab), OPTIONS);
        assertTrue(r.bare());
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, status(r, "CFG-903"));
        assertEquals(
                "outcome.bareServerTab",
                r.outcomes().stream()
                        .filter(o -> o.rule().id().equals("CFG-903"))
                        .findFirst()
                        .orElseThrow()
                        .reason()
                        .orElseThrow()
                        .key());
        assertEquals(RuleOutcome.Status.NOT_APPLICABLE, status(r, "UPG-904"));
        assertEquals(RuleOutcome.Status.FAILED, status(r, "SEC-901"));
        AuditResult withDir = AUDITOR.audit(MailRoot.open(tab), OPTIONS.withInstallDir(Optional.of(tmp)));
        assertEquals(RuleOutcome.Status.FAILED, status(withDir, "UPG-904"));
    }

    @Test
    void inlineWaiverAboveTheLineSuppressesWithItsReason() {
        MailRoot root = root("""
                "RootDomain"\t"example.com"
                # xmailkit:ignore SEC-901 needed by the old webmail
                "BadA"\t"1"
                "BadB"\t"1"
                """);
        AuditResult r = AUDITOR.audit(root, OPTIONS);
        Finding a = r.findings().stream()
                .filter(f -> f.location().line() == 3)
                .findFirst()
                .orElseThrow();
        assertTrue(a.suppressed());
        Suppression s = a.suppression().orElseThrow();
        assertEquals(Suppression.Kind.INLINE, s.kind());
        assertEquals("needed by the old webmail", s.reason());
        assertEquals("server.tab:2", s.source());
        Finding b = r.findings().stream()
                .filter(f -> f.location().line() == 4)
                .findFirst()
                .orElseThrow();
        assertFalse(b.suppressed(), "the waiver is for the line right below it only");
        assertTrue(r.notices().isEmpty());
    }

    @Test
    void stackedInlineWaiversEachNameTheirRuleAndAGapBreaksTheBlock() {
        MailRoot root = MailRootFixture.in(tmp.resolve("m"))
                .serverTab("\"X\"\t\"1\"\n")
                .file("smtprelay.tab", """
                        # xmailkit:ignore SEC-901 not this rule
                        #xmailkit:ignore CFG-903 expires=2025-12-31 partner network, contract 7
                        "192.0.2.0"\t"255.255.255.0"
                        # xmailkit:ignore CFG-903 too far away

                        "198.51.100.0"\t"255.255.255.0"
                        """)
                .open();
        AuditResult r = AUDITOR.audit(root, OPTIONS);
        List<Finding> relay = r.findings().stream()
                .filter(f -> f.rule().id().equals("CFG-903"))
                .toList();
        assertEquals(2, relay.size());
        assertTrue(relay.get(0).suppressed());
        assertEquals(
                "partner network, contract 7",
                relay.get(0).suppression().orElseThrow().reason());
        assertEquals(
                Optional.of(LocalDate.of(2025, 12, 31)),
                relay.get(0).suppression().orElseThrow().expires());
        assertTrue(relay.get(1).suppression().isEmpty());
    }

    @Test
    void inlineWaiverInCtrlAccountsIsNotHonouredBecauseXMailReadsItAsAnAccount() {
        MailRoot root = MailRootFixture.in(tmp.resolve("m"))
                .serverTab("\"X\"\t\"1\"\n")
                .file("ctrlaccounts.tab", "# xmailkit:ignore SEC-905 shared admin\n\"admin\"\t\"0a0b\"\n")
                .open();
        AuditResult r = AUDITOR.audit(root, OPTIONS);
        Finding admin = r.findings().stream()
                .filter(f -> f.location().line() == 2)
                .findFirst()
                .orElseThrow();
        assertFalse(admin.suppressed());
        assertEquals(1, r.notices().size());
        assertEquals("inline.notComment", r.notices().get(0).message().key());
        assertEquals(1, r.notices().get(0).location().line());
    }

    @Test
    void inlineWaiverLongerThanXMailsLineBufferIsNotHonoured() {
        String reason = "x".repeat(600); // smtprelay.tab is read 510 bytes at a time: the tail would be data
        MailRoot root = MailRootFixture.in(tmp.resolve("m"))
                .serverTab("\"X\"\t\"1\"\n")
                .file("smtprelay.tab", "# xmailkit:ignore CFG-903 " + reason + "\n\"192.0.2.0\"\t\"255.255.255.0\"\n")
                .open();
        AuditResult r = AUDITOR.audit(root, OPTIONS);
        assertFalse(r.findings().get(0).suppressed());
        assertEquals("inline.notComment", r.notices().get(0).message().key());
    }

    @Test
    void inlineWaiverWithoutReasonOrWithUnknownRuleIsANoticeAndSuppressesNothing() {
        MailRoot root = root("""
                # xmailkit:ignore SEC-901
                "BadA"\t"1"
                # xmailkit:ignore SEC-977 typo in the id
                "BadB"\t"1"
                """);
        AuditResult r = AUDITOR.audit(root, OPTIONS);
        assertTrue(r.findings().stream().noneMatch(Finding::suppressed));
        assertEquals(
                List.of("waiver.error.noReason", "waiver.error.unknownRule"),
                r.notices().stream().map(n -> n.message().key()).toList());
        assertEquals(
                List.of(1, 3),
                r.notices().stream().map(n -> n.location().line()).toList());
    }

    @Test
    void expiredWaiverStopsSuppressingButStaysAttached() throws Exception {
        Waivers w = Waivers.parse(
                "w.txt",
                "SEC-901 server.tab expires=2025-02-28 until the migration\n".getBytes(StandardCharsets.UTF_8),
                AUDITOR.ruleIds());
        AuditResult r = AUDITOR.audit(root("\"BadA\"\t\"1\"\n"), OPTIONS.withWaivers(w));
        Finding f = r.findings().stream()
                .filter(x -> x.rule().id().equals("SEC-901"))
                .findFirst()
                .orElseThrow();
        assertFalse(f.suppressed());
        assertTrue(f.suppression().orElseThrow().expired());
        assertTrue(r.failsAt(Severity.HIGH));

        Clock february = Clock.fixed(Instant.parse("2025-02-28T23:00:00Z"), ZoneOffset.UTC);
        AuditResult before =
                AUDITOR.audit(root("\"BadA\"\t\"1\"\n"), OPTIONS.withWaivers(w).withClock(february));
        assertTrue(before.findings().stream()
                .filter(x -> x.rule().id().equals("SEC-901"))
                .allMatch(Finding::suppressed));
    }

    @Test
    void activeInlineWaiverIsPreferredToAnExpiredFileWaiver() throws Exception {
        Waivers w = Waivers.parse(
                "w.txt", "SEC-901 ** expires=2024-01-01 old\n".getBytes(StandardCharsets.UTF_8), AUDITOR.ruleIds());
        AuditResult r = AUDITOR.audit(
                root("# xmailkit:ignore SEC-901 current reason\n\"BadA\"\t\"1\"\n"), OPTIONS.withWaivers(w));
        Finding f = r.findings().stream()
                .filter(x -> x.rule().id().equals("SEC-901"))
                .findFirst()
                .orElseThrow();
        assertTrue(f.suppressed());
        assertEquals("current reason", f.suppression().orElseThrow().reason());
    }

    @Test
    void suppressedFindingsDoNotCountTowardsFailOn() throws Exception {
        MailRoot root = root("\"BadA\"\t\"1\"\n");
        Waivers w = Waivers.parse(
                "w.txt",
                "SEC-901 ** reviewed\nSEC-905 ctrlaccounts.tab reviewed\n".getBytes(StandardCharsets.UTF_8),
                AUDITOR.ruleIds());
        AuditResult r = AUDITOR.audit(root, OPTIONS.withWaivers(w));
        assertFalse(r.failsAt(Severity.HIGH));
        assertTrue(r.failsAt(Severity.LOW), "the relay row is still active");
        assertEquals(2, r.suppressed().size());
        assertEquals(3, r.findings().size(), "suppressed findings stay in the result");
    }
}
