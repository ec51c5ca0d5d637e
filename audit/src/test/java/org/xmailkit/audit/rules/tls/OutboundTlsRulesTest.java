package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-007..011: outbound TLS towards smart hosts. */
class OutboundTlsRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab, String smtpfwd) {
        MailRootFixture f =
                MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
        if (smtpfwd != null) {
            f.file("smtpfwd.tab", smtpfwd);
        }
        return f.open();
    }

    // ------------------------------------------------------------------ TLS-007

    @Test
    void gatewayWithoutNeedTlsIsReportedPerEntryWithTheLineToWrite() {
        List<Finding> f =
                RuleCheck.findings(new SmartHostWithoutTls(), root("""
                "RootDomain"\t"example.com"
                "DefaultSMTPGateways"\t"relay.example.net:587;backup.example.net,OutBind=192.0.2.5"
                """, null), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-007.gateway.unset", "msg.TLS-007.gateway.unset"), RuleCheck.keys(f));
        assertEquals(
                Set.of("relay.example.net:587,NeedTLS=2", "backup.example.net,OutBind=192.0.2.5,NeedTLS=2"),
                Set.copyOf(f.stream().map(x -> x.message().args().get(2)).toList()));
        assertEquals(2, f.get(0).location().line());
    }

    @Test
    void globalNeedTlsZeroIsNamedAsTheCause() {
        List<Finding> f =
                RuleCheck.findings(new SmartHostWithoutTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"NeedTLS=0"
                """, null), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-007.gateway.global"), RuleCheck.keys(f));
        assertEquals("NeedTLS=0", f.get(0).message().args().get(3));
    }

    @Test
    void forwarderLinesUseColumnThreeOverSmtpGwConfig() {
        MailRoot r = root("\"SmtpGwConfig\"\t\"NeedTLS=2\"\n", """
                "*.plain.example"\t"relay.example.net:25"\t"NeedTLS=0"
                "*.secure.example"\t"relay.example.net:25"
                "*.own.example"\t"#a.example.net;b.example.net"\t"OutBind=192.0.2.1"
                """);
        List<Finding> f = RuleCheck.findings(new SmartHostWithoutTls(), r, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-007.forwarder.own"), RuleCheck.keys(f));
        assertEquals(
                "\"*.plain.example\"<TAB>\"relay.example.net:25\"<TAB>\"NeedTLS=2\"",
                f.get(0).message().args().get(2));
        assertTrue(f.get(0).location().file().endsWith("smtpfwd.tab"));
        assertEquals(1, f.get(0).location().line());
        MailRoot unset = root(
                "\"RootDomain\"\t\"x\"\n",
                "\"*.own.example\"\t\"#a.example.net;b.example.net\"\t\"OutBind=192.0.2.1\"\n");
        List<Finding> g = RuleCheck.findings(new SmartHostWithoutTls(), unset, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-007.forwarder.unset"), RuleCheck.keys(g));
        assertEquals(
                "\"*.own.example\"<TAB>\"#a.example.net;b.example.net\"<TAB>\"OutBind=192.0.2.1,NeedTLS=2\"",
                g.get(0).message().args().get(2));
    }

    @Test
    void requiredTlsOrLoopbackRelaysAreNotReported() {
        assertTrue(RuleCheck.findings(
                        new SmartHostWithoutTls(),
                        root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2;127.0.0.1:10025"
                """, "\"*\"\t\"localhost:10026\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(
                        new SmartHostWithoutTls(),
                        root("\"RootDomain\"\t\"x\"\n", null),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-008

    @Test
    void opportunisticTlsIsReportedInTheStrictProfile() {
        MailRoot r = root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=1"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS=3\"\n");
        List<Finding> f = RuleCheck.findings(new SmartHostOpportunisticTls(), r, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-008.gateway.own", "msg.TLS-008.forwarder.own"), RuleCheck.keys(f));
        assertEquals(
                RuleOutcome.Status.SKIPPED,
                RuleCheck.outcome(
                        new SmartHostOpportunisticTls(),
                        r,
                        RuleCheck.certificateOptions().withProfile(Profile.BASELINE)));
    }

    @Test
    void requiredTlsIsNotOpportunistic() {
        assertTrue(RuleCheck.findings(new SmartHostOpportunisticTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                """, null), RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new SmartHostOpportunisticTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net"
                """, null), RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-009

    @Test
    void bareNeedTlsIsReportedWhereverItIs() {
        MailRoot r = root("""
                "SmtpGwConfig"\t"NeedTLS,OutBind=192.0.2.1"
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS\"\n");
        List<Finding> f = RuleCheck.findings(new BareNeedTls(), r, RuleCheck.certificateOptions());
        assertEquals(
                List.of("msg.TLS-009.forwarder", "msg.TLS-009.gateway", "msg.TLS-009.global"),
                RuleCheck.keys(f).stream().sorted().toList());
    }

    @Test
    void valuedNeedTlsIsNotBare() {
        assertTrue(RuleCheck.findings(
                        new BareNeedTls(),
                        root("""
                "SmtpGwConfig"\t"NeedTLS=1"
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS=2\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-010

    @Test
    void optionsInTheHostColumnAreIgnoredOrBreakTheHost() {
        MailRoot r = root("\"RootDomain\"\t\"x\"\n", """
                "*.a.example"\t"relay.example.net:25,NeedTLS=1"
                "*.b.example"\t"relay.example.net,NeedTLS=1"
                """);
        List<Finding> f = RuleCheck.findings(new ForwarderHostOptions(), r, RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-010.ignored", "msg.TLS-010.broken"), RuleCheck.keys(f));
        assertEquals(
                "\"*.a.example\"<TAB>\"relay.example.net:25\"<TAB>\"NeedTLS=1\"",
                f.get(0).message().args().get(3));
    }

    @Test
    void optionsInColumnThreeAreFine() {
        assertTrue(RuleCheck.findings(
                        new ForwarderHostOptions(),
                        root("\"RootDomain\"\t\"x\"\n", "\"*.a.example\"\t\"relay.example.net:25\"\t\"NeedTLS=1\"\n"),
                        RuleCheck.certificateOptions())
                .isEmpty());
    }

    // ------------------------------------------------------------------ TLS-011

    @Test
    void globalNeedTlsOverridingAnEntryIsReported() {
        List<Finding> f =
                RuleCheck.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2;other.example.net,NeedTLS=1"
                "SmtpGwConfig"\t"NeedTLS=1"
                """, null), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-011.weakened"), RuleCheck.keys(f));
        assertEquals(
                List.of("relay.example.net,NeedTLS=2", "2", "1", "NeedTLS=1"),
                f.get(0).message().args());
        assertEquals(2, f.get(0).evidence().size());
        List<Finding> raised =
                RuleCheck.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=0"
                "SmtpGwConfig"\t"NeedTLS=2"
                """, null), RuleCheck.certificateOptions());
        assertEquals(List.of("msg.TLS-011.raised"), RuleCheck.keys(raised));
    }

    @Test
    void noConflictNoFinding() {
        assertTrue(RuleCheck.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"OutBind=192.0.2.1"
                """, null), RuleCheck.certificateOptions())
                .isEmpty());
        assertTrue(RuleCheck.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"NeedTLS=2"
                """, null), RuleCheck.certificateOptions())
                .isEmpty());
    }
}
