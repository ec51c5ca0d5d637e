package org.xmailkit.audit.rules.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.probe.Observed;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** NET-025..NET-028 and the other files-against-wire checks: where the wire contradicts the MailRoot. */
class ReconciliationRulesTest {

    @TempDir
    Path tmp;

    private MailRootFixture fixture(String serverTab) {
        return MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
    }

    @Test
    void aServedCertificateOtherThanServerCertIsReportedWithBothFingerprints() {
        TestPki.Issued onDisk = TestPki.cert("mail.example.test").issue();
        TestPki.Issued served =
                TestPki.cert("mail.example.test").key(TestPki.rsa("other")).issue();
        MailRoot root = fixture("\"RootDomain\"\t\"mail.example.test\"\n")
                .file("server.cert", TestPki.pem(onDisk.cert()))
                .file("server.key", TestPki.traditional(onDisk.key()))
                .open();
        NetAudit differs = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .tls(Optional.of(Observed.tls(List.of(served.cert()))))
                                .build())
                        .probe(),
                Optional.of(root));
        NetFinding f = RuleCheck.net(differs, "NET-025").get(0);
        assertTrue(f.message(Locale.ENGLISH).contains("is not server.cert's first certificate"));
        assertTrue(f.cause().orElseThrow().file().endsWith("server.cert"));
        NetAudit same = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .tls(Optional.of(Observed.tls(List.of(onDisk.cert()))))
                                .build())
                        .probe(),
                Optional.of(root));
        assertTrue(RuleCheck.net(same, "NET-025").isEmpty());
        NetAudit noFiles = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .tls(Optional.of(Observed.tls(List.of(served.cert()))))
                                .build())
                        .probe(),
                Optional.of(fixture("\"RootDomain\"\t\"x.test\"\n").open()));
        assertTrue(RuleCheck.netMessages(noFiles, "NET-025").get(0).contains("the MailRoot has no usable server.cert"));
    }

    @Test
    void reconciliationRulesAreNotApplicableWithoutTheMailRoot() {
        NetAudit a =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe());
        for (RuleOutcome o : a.outcomes()) {
            if (List.of("NET-025", "NET-026", "NET-027", "NET-028")
                    .contains(o.rule().id())) {
                assertEquals(
                        RuleOutcome.Status.NOT_APPLICABLE, o.status(), o.rule().id());
            }
        }
    }

    @Test
    void ctrlThatAnswersAlthoughTheMapDeniesTheProbingAddress() {
        MailRoot root = fixture("\"RootDomain\"\t\"x.test\"\n")
                .file(
                        "ctrl.ipmap.tab",
                        "\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1\n\"192.168.1.10\"\t\"255.255.255.255\"\t\"ALLOW\"\t2\n")
                .open();
        NetAudit a = RuleCheck.probe(
                Observed.host()
                        .with(Observed.ctrl(
                                Service.CTRL,
                                Observed.ctrlGreeting(),
                                Upgrade.not(Upgrade.Status.NOT_TRIED),
                                Optional.empty()))
                        .probe(),
                Optional.of(root));
        assertEquals(
                List.of("ctrl 127.0.0.1:6017: CTRL greeted 127.0.0.1 although ctrl.ipmap.tab line 1 denies that "
                        + "address."),
                RuleCheck.netMessages(a, "NET-026"));
        NetAudit allowed = RuleCheck.probe(
                Observed.host()
                        .from("192.168.1.10")
                        .with(Observed.ctrl(
                                Service.CTRL,
                                Observed.ctrlGreeting(),
                                Upgrade.not(Upgrade.Status.NOT_TRIED),
                                Optional.empty()))
                        .probe(),
                Optional.of(root));
        assertTrue(RuleCheck.net(allowed, "NET-026").isEmpty());
        assertEquals(1, RuleCheck.net(allowed, "NET-012").size());
    }

    @Test
    void authOfferedBeyondSmtpNoTlsAuths() {
        MailRoot loginOnly = fixture("\"SmtpNoTLSAuths\"\t\"LOGIN\"\n").open();
        NetAudit a = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp().auth("LOGIN", "PLAIN").build())
                        .probe(),
                Optional.of(loginOnly));
        assertEquals(
                List.of("smtp 127.0.0.1:25: AUTH PLAIN is offered before STARTTLS although SmtpNoTLSAuths lists "
                        + "only LOGIN."),
                RuleCheck.netMessages(a, "NET-027"));
        assertEquals(1, RuleCheck.net(a, "NET-027").get(0).cause().orElseThrow().line());
        NetAudit agrees = RuleCheck.probe(
                Observed.host().with(Observed.smtp().auth("LOGIN").build()).probe(), Optional.of(loginOnly));
        assertTrue(RuleCheck.net(agrees, "NET-027").isEmpty());
        assertTrue(RuleCheck.netMessages(agrees, "NET-006").get(0).endsWith("because SmtpNoTLSAuths lists it."));
        // XMail 1.27 finds PLAIN in "PLAINPLAIN" (StrLimIStr): what it offers there is not beyond the list.
        NetAudit quirk = RuleCheck.probe(
                Observed.host().with(Observed.smtp().auth("PLAIN").build()).probe(),
                Optional.of(fixture("\"SmtpNoTLSAuths\"\t\"PLAINPLAIN\"\n").open()));
        assertTrue(RuleCheck.net(quirk, "NET-027").isEmpty());
    }

    @Test
    void aTlsSwitchTheWireContradictsEitherWay() {
        MailRoot on = fixture("\"EnableSMTP-TLS\"\t\"1\"\n").open();
        NetAudit missing = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .startTls(Upgrade.not(Upgrade.Status.NOT_OFFERED))
                                .build())
                        .probe(),
                Optional.of(on));
        assertEquals(
                List.of("smtp 127.0.0.1:25: EnableSMTP-TLS is on in server.tab, but the port does not offer TLS."),
                RuleCheck.netMessages(missing, "NET-028"));
        MailRoot off = fixture("\"EnablePOP3-TLS\"\t\"0\"\n").open();
        NetAudit offered = RuleCheck.probe(
                Observed.host()
                        .with(Observed.pop3(
                                new Upgrade(Upgrade.Status.ESTABLISHED, "STLS", "+OK Begin TLS negotiation", "TLSv1.3"),
                                Optional.of(Observed.tls())))
                        .probe(),
                Optional.of(off));
        assertEquals(
                List.of("pop3 127.0.0.1:110: EnablePOP3-TLS is off in server.tab, but the port offers TLS."),
                RuleCheck.netMessages(offered, "NET-028"));
        NetAudit agrees =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe(), Optional.of(on));
        assertTrue(RuleCheck.net(agrees, "NET-028").isEmpty());
    }
}
