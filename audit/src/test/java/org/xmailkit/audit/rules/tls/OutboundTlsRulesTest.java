package org.xmailkit.audit.rules.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** TLS-007..011: outbound TLS towards smart hosts. */
class OutboundTlsRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab, String smtpfwd) {
        MailRootFixture f = MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
        if (smtpfwd != null) {
            f.file("smtpfwd.tab", smtpfwd);
        }
        return f.open();
    }

    // ------------------------------------------------------------------ TLS-007

    @Test
    void gatewayWithoutNeedTlsIsReportedPerEntryWithTheLineToWrite() {
        List<Finding> f = Run.findings(new SmartHostWithoutTls(), root("""
                "RootDomain"\t"example.com"
                "DefaultSMTPGateways"\t"relay.example.net:587;backup.example.net,OutBind=192.0.2.5"
                """, null));
        assertEquals(List.of("TLS-007.gateway.unset", "TLS-007.gateway.unset"), Run.keys(f));
        assertEquals(java.util.Set.of("relay.example.net:587,NeedTLS=2", "backup.example.net,OutBind=192.0.2.5,NeedTLS=2"),
                java.util.Set.copyOf(f.stream().map(x -> x.message().args().get(2)).toList()));
        assertEquals(2, f.get(0).location().line());
    }

    @Test
    void globalNeedTlsZeroIsNamedAsTheCause() {
        List<Finding> f = Run.findings(new SmartHostWithoutTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"NeedTLS=0"
                """, null));
        assertEquals(List.of("TLS-007.gateway.global"), Run.keys(f));
        assertEquals("NeedTLS=0", f.get(0).message().args().get(3));
    }

    @Test
    void forwarderLinesUseColumnThreeOverSmtpGwConfig() {
        MailRoot r = root("\"SmtpGwConfig\"\t\"NeedTLS=2\"\n", """
                "*.plain.example"\t"relay.example.net:25"\t"NeedTLS=0"
                "*.secure.example"\t"relay.example.net:25"
                "*.own.example"\t"#a.example.net;b.example.net"\t"OutBind=192.0.2.1"
                """);
        List<Finding> f = Run.findings(new SmartHostWithoutTls(), r);
        assertEquals(List.of("TLS-007.forwarder.own"), Run.keys(f));
        assertEquals("\"*.plain.example\"<TAB>\"relay.example.net:25\"<TAB>\"NeedTLS=2\"",
                f.get(0).message().args().get(2));
        assertTrue(f.get(0).location().file().endsWith("smtpfwd.tab"));
        assertEquals(1, f.get(0).location().line());
        MailRoot unset = root("\"RootDomain\"\t\"x\"\n", "\"*.own.example\"\t\"#a.example.net;b.example.net\"\t\"OutBind=192.0.2.1\"\n");
        List<Finding> g = Run.findings(new SmartHostWithoutTls(), unset);
        assertEquals(List.of("TLS-007.forwarder.unset"), Run.keys(g));
        assertEquals("\"*.own.example\"<TAB>\"#a.example.net;b.example.net\"<TAB>\"OutBind=192.0.2.1,NeedTLS=2\"",
                g.get(0).message().args().get(2));
    }

    @Test
    void requiredTlsOrLoopbackRelaysAreNotReported() {
        assertTrue(Run.findings(new SmartHostWithoutTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2;127.0.0.1:10025"
                """, "\"*\"\t\"localhost:10026\"\n")).isEmpty());
        assertTrue(Run.findings(new SmartHostWithoutTls(), root("\"RootDomain\"\t\"x\"\n", null)).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-008

    @Test
    void opportunisticTlsIsReportedInTheStrictProfile() {
        MailRoot r = root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=1"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS=3\"\n");
        List<Finding> f = Run.findings(new SmartHostOpportunisticTls(), r);
        assertEquals(List.of("TLS-008.gateway.own", "TLS-008.forwarder.own"), Run.keys(f));
        assertEquals(RuleOutcome.Status.SKIPPED,
                Run.status(new SmartHostOpportunisticTls(), r, Run.options().withProfile(Profile.BASELINE)));
    }

    @Test
    void requiredTlsIsNotOpportunistic() {
        assertTrue(Run.findings(new SmartHostOpportunisticTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                """, null)).isEmpty());
        assertTrue(Run.findings(new SmartHostOpportunisticTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net"
                """, null)).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-009

    @Test
    void bareNeedTlsIsReportedWhereverItIs() {
        MailRoot r = root("""
                "SmtpGwConfig"\t"NeedTLS,OutBind=192.0.2.1"
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS\"\n");
        List<Finding> f = Run.findings(new BareNeedTls(), r);
        assertEquals(List.of("TLS-009.forwarder", "TLS-009.gateway", "TLS-009.global"),
                Run.keys(f).stream().sorted().toList());
    }

    @Test
    void valuedNeedTlsIsNotBare() {
        assertTrue(Run.findings(new BareNeedTls(), root("""
                "SmtpGwConfig"\t"NeedTLS=1"
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                """, "\"*.x.example\"\t\"r.example.net\"\t\"NeedTLS=2\"\n")).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-010

    @Test
    void optionsInTheHostColumnAreIgnoredOrBreakTheHost() {
        MailRoot r = root("\"RootDomain\"\t\"x\"\n", """
                "*.a.example"\t"relay.example.net:25,NeedTLS=1"
                "*.b.example"\t"relay.example.net,NeedTLS=1"
                """);
        List<Finding> f = Run.findings(new ForwarderHostOptions(), r);
        assertEquals(List.of("TLS-010.ignored", "TLS-010.broken"), Run.keys(f));
        assertEquals("\"*.a.example\"<TAB>\"relay.example.net:25\"<TAB>\"NeedTLS=1\"", f.get(0).message().args().get(3));
    }

    @Test
    void optionsInColumnThreeAreFine() {
        assertTrue(Run.findings(new ForwarderHostOptions(), root("\"RootDomain\"\t\"x\"\n",
                "\"*.a.example\"\t\"relay.example.net:25\"\t\"NeedTLS=1\"\n")).isEmpty());
    }

    // ------------------------------------------------------------------ TLS-011

    @Test
    void globalNeedTlsOverridingAnEntryIsReported() {
        List<Finding> f = Run.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2;other.example.net,NeedTLS=1"
                "SmtpGwConfig"\t"NeedTLS=1"
                """, null));
        assertEquals(List.of("TLS-011.weakened"), Run.keys(f));
        assertEquals(List.of("relay.example.net,NeedTLS=2", "2", "1", "NeedTLS=1"), f.get(0).message().args());
        assertEquals(2, f.get(0).evidence().size());
        List<Finding> raised = Run.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=0"
                "SmtpGwConfig"\t"NeedTLS=2"
                """, null));
        assertEquals(List.of("TLS-011.raised"), Run.keys(raised));
    }

    @Test
    void noConflictNoFinding() {
        assertTrue(Run.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"OutBind=192.0.2.1"
                """, null)).isEmpty());
        assertTrue(Run.findings(new GlobalOverridesGatewayTls(), root("""
                "DefaultSMTPGateways"\t"relay.example.net,NeedTLS=2"
                "SmtpGwConfig"\t"NeedTLS=2"
                """, null)).isEmpty());
    }
}
