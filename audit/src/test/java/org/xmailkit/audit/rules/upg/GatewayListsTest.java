package org.xmailkit.audit.rules.upg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.xmailkit.audit.testing.RuleCheck.bare;
import static org.xmailkit.audit.testing.RuleCheck.findings;
import static org.xmailkit.audit.testing.RuleCheck.outcome;
import static org.xmailkit.audit.testing.RuleCheck.root;
import static org.xmailkit.audit.testing.RuleCheck.single;
import static org.xmailkit.audit.testing.RuleCheck.upgrading;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** UPG-004 (DefaultSMTPGateways) and UPG-005 (smtpfwd.tab). */
class GatewayListsTest {

    @TempDir
    Path dir;

    @Test
    void commaListInServerTab() {
        Finding f = single(
                findings(new CommaGateways(), root(dir, "\"DefaultSMTPGateways\"\t\"192.0.2.2,192.0.2.15:2525\"\n")),
                "msg.UPG-004.legacy");
        assertEquals("192.0.2.2", f.message().args().get(2));
        assertEquals("192.0.2.15:2525", f.message().args().get(3));
        assertEquals(
                "\"DefaultSMTPGateways\"<TAB>\"192.0.2.2;192.0.2.15:2525\"",
                f.message().args().get(4));
    }

    @Test
    void commaListInA124ConfigurationIsSimplyBroken() {
        single(
                upgrading(new CommaGateways(), root(dir, "\"DefaultSMTPGateways\"\t\"a.example,b.example\"\n"), "1.25"),
                "msg.UPG-004.broken");
    }

    @Test
    void semicolonListsAndGatewayOptionsPass() {
        assertEquals(
                List.of(),
                findings(
                        new CommaGateways(),
                        root(dir, "\"DefaultSMTPGateways\"\t\"a.example,NeedTLS=2;b.example\"\n")));
    }

    @Test
    void commaListInSmtpfwd() {
        MailRoot r = MailRootFixture.in(dir)
                .serverTab("\"RootDomain\"\t\"example.com\"\n")
                .file(
                        "smtpfwd.tab",
                        "\"*.example.org\"\t\"#relay1.example,relay2.example\"\n"
                                + "\"*\"\t\"relay3.example;relay4.example\"\t\"NeedTLS=2\"\n")
                .open();
        Finding f = single(upgrading(new CommaForwarders(), r, "1.22"), "msg.UPG-005.legacy");
        assertEquals(dir.resolve("smtpfwd.tab"), f.location().file());
        assertEquals(1, f.location().line());
        assertEquals("relay1.example", f.message().args().get(2));
        assertEquals("#relay1.example;relay2.example", f.message().args().get(3));
    }

    @Test
    void smtpfwdIsNotApplicableToABareServerTab() {
        assertEquals(
                RuleOutcome.Status.NOT_APPLICABLE,
                outcome(new CommaForwarders(), bare(dir, "\"RootDomain\"\t\"example.com\"\n")));
    }

    @Test
    void missingSmtpfwdPasses() {
        assertEquals(List.of(), findings(new CommaForwarders(), root(dir, "\"RootDomain\"\t\"example.com\"\n")));
    }
}
