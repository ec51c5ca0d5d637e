package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.Observed;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** The NET- rules' engine: waivers (by endpoint, file and inline), order, outcomes, and the audit that joins them. */
class NetAuditorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static HostProbe cleartext() {
        return Observed.host()
                .with(Observed.smtp()
                        .startTls(Upgrade.not(Upgrade.Status.NOT_OFFERED))
                        .build())
                .with(Observed.ctrl(
                        Service.CTRL, Observed.ctrlGreeting(), Upgrade.not(Upgrade.Status.NOT_TRIED), Optional.empty()))
                .probe();
    }

    private static AuditOptions options(String waiverFile) throws WaiverException {
        Waivers w = Waivers.parse(
                "waivers.txt",
                waiverFile.getBytes(StandardCharsets.UTF_8),
                Set.copyOf(Rules.catalogue().stream().map(RuleInfo::id).toList()));
        return AuditOptions.defaults().withClock(CLOCK).withWaivers(w);
    }

    @Test
    void findingsComeMostSeriousFirstThenInTheOrderTheEndpointsWereProbed() {
        NetAudit a = NetAuditor.standard().audit(cleartext(), Optional.empty(), AuditOptions.defaults());
        List<String> ids = a.findings().stream().map(f -> f.rule().id()).toList();
        assertEquals(List.of("NET-003", "NET-006", "NET-012", "NET-001"), ids);
        assertTrue(a.failsAt(Severity.HIGH));
        assertEquals(NetAuditor.standard().rules().size(), a.outcomes().size());
    }

    @Test
    void aWaiverFileMatchesTheEndpointAndAnExpiredOneCountsAgain() throws WaiverException {
        AuditOptions o = options("""
                NET-012  127.0.0.1:6017                     CTRL is bound to loopback for the local XMailCFG
                NET-006  *:25      expires=2026-01-01       old handsets until the new year
                NET-003  mail.example.test:*                another host
                """);
        NetAudit a = NetAuditor.standard().audit(cleartext(), Optional.empty(), o);
        NetFinding ctrl = a.findings().stream()
                .filter(f -> f.rule().id().equals("NET-012"))
                .findFirst()
                .orElseThrow();
        assertTrue(ctrl.suppressed());
        assertEquals("waivers.txt:1", ctrl.suppression().orElseThrow().source());
        NetFinding auth = a.findings().stream()
                .filter(f -> f.rule().id().equals("NET-006"))
                .findFirst()
                .orElseThrow();
        assertFalse(auth.suppressed());
        assertTrue(auth.suppression().orElseThrow().expired());
        NetFinding startTls = a.findings().stream()
                .filter(f -> f.rule().id().equals("NET-003"))
                .findFirst()
                .orElseThrow();
        assertTrue(startTls.suppression().isEmpty(), "a glob for another host");
        assertFalse(a.active().contains(ctrl));
    }

    @Test
    void anInlineWaiverAboveTheLineAFindingNamesSuppressesIt() {
        MailRoot root = MailRootFixture.in(tmp.resolve("root")).serverTab("""
                # xmailkit:ignore NET-003 STARTTLS stays off until the certificate arrives
                "EnableSMTP-TLS"\t"0"
                """).open();
        NetAudit a = NetAuditor.standard().audit(cleartext(), Optional.of(root), AuditOptions.defaults());
        NetFinding f = a.findings().stream()
                .filter(x -> x.rule().id().equals("NET-003"))
                .findFirst()
                .orElseThrow();
        assertEquals(2, f.cause().orElseThrow().line());
        assertTrue(f.suppressed());
        assertEquals(Suppression.Kind.INLINE, f.suppression().get().kind());
        assertTrue(a.notices().isEmpty());
    }

    @Test
    void aWaiverForTheMailRootCoversItsFindingsWithoutACause() throws WaiverException {
        MailRoot root = MailRootFixture.in(tmp.resolve("mail01"))
                .serverTab("\"RootDomain\"\t\"x.test\"\n")
                .open();
        NetAudit a = NetAuditor.standard()
                .audit(cleartext(), Optional.of(root), options("NET-001 mail01/** the banner is what it is\n"));
        assertTrue(a.findings().stream()
                .filter(f -> f.rule().id().equals("NET-001"))
                .allMatch(NetFinding::suppressed));
    }

    @Test
    void theAuditOfAMailRootWithAProbeCarriesTheNetFindingsLocatedInIt() {
        Path dir = MailRootFixture.in(tmp.resolve("m"))
                .serverTab("\"SmtpNoTLSAuths\"\t\"LOGIN\"\n")
                .write();
        HostProbe probe = Observed.host()
                .with(Observed.smtp().auth("LOGIN", "PLAIN").build())
                .probe();
        AuditResult r = Auditor.standard()
                .audit(openQuietly(dir), AuditOptions.defaults().withProbe(dir, probe));
        assertEquals(Optional.of(probe), r.probe());
        Finding f = r.findings().stream()
                .filter(x -> x.rule().id().equals("NET-027"))
                .findFirst()
                .orElseThrow();
        assertEquals(dir.resolve("server.tab"), f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("smtp 127.0.0.1:25", f.evidence().get(0));
        Finding banner = r.findings().stream()
                .filter(x -> x.rule().id().equals("NET-001"))
                .findFirst()
                .orElseThrow();
        assertEquals(dir, banner.location().file(), "a finding without a cause is located at the MailRoot");
        assertTrue(r.outcomes().stream().anyMatch(o -> o.rule().id().equals("NET-028")));
        AuditResult without = Auditor.standard().audit(openQuietly(dir), AuditOptions.defaults());
        assertTrue(without.findings().stream().noneMatch(x -> x.rule().id().startsWith("NET-")));
        assertTrue(without.probe().isEmpty());
        FleetResult fleet = new FleetAuditor(Auditor.standard(), 1)
                .audit(List.of(dir), AuditOptions.defaults().withProbe(dir, probe));
        assertTrue(fleet.rules().stream().anyMatch(x -> x.id().equals("NET-027")));
        assertTrue(fleet.audited().get(0).findings().stream()
                .anyMatch(x -> x.rule().id().equals("NET-027")));
        assertTrue(new FleetAuditor(Auditor.standard(), 1)
                .audit(List.of(dir), AuditOptions.defaults()).rules().stream()
                        .noneMatch(x -> x.id().startsWith("NET-")));
    }

    @Test
    void aWaiverFileMayNameNetRulesForAudit() throws WaiverException {
        Waivers w = Waivers.parse(
                "w.txt",
                "NET-010 ** the LAN relays on purpose\n".getBytes(StandardCharsets.UTF_8),
                Rules.ids(Auditor.standard().ruleIds()));
        assertEquals("NET-010", w.entries().get(0).rule());
        assertEquals(
                "Greeting discloses the server software and version",
                Rules.info("net-001").orElseThrow().title(Locale.ENGLISH));
    }

    private static MailRoot openQuietly(Path dir) {
        try {
            return MailRoot.open(dir);
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }
}
