package org.xmailkit.audit.rules.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.Observed;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.Upgrade;
import org.xmailkit.audit.testing.RuleCheck;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.testing.MailRootFixture;

/** NET-001 and NET-003..NET-012: what the SMTP, POP3 and CTRL conversations show, and the lines that cause it. */
class ConversationRulesTest {

    @TempDir
    Path tmp;

    private MailRoot root(String serverTab, String... files) {
        MailRootFixture f =
                MailRootFixture.in(tmp.resolve("r" + System.nanoTime())).serverTab(serverTab);
        for (int i = 0; i + 1 < files.length; i += 2) {
            f.file(files[i], files[i + 1]);
        }
        return f.open();
    }

    @Test
    void theVersionInTheGreetingsIsOneFindingNamingEveryEndpoint() {
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.smtp().build())
                .with(Observed.ctrl(
                        Service.CTRL, Observed.ctrlGreeting(), Upgrade.not(Upgrade.Status.NOT_TRIED), Optional.empty()))
                .probe());
        assertEquals(
                List.of("smtp 127.0.0.1:25, ctrl 127.0.0.1:6017: the greeting names XMail 1.27."),
                RuleCheck.netMessages(a, "NET-001"));
        NetAudit quiet = RuleCheck.probe(Observed.host()
                .with(Observed.smtp().greeting("220 mail.example.test ESMTP").build())
                .probe());
        assertTrue(RuleCheck.net(quiet, "NET-001").isEmpty());
    }

    @Test
    void startTlsNotOfferedOrRefusedAndTheSwitchThatTurnsItOff() {
        NetAudit notOffered = RuleCheck.probe(Observed.host()
                .with(Observed.smtp()
                        .startTls(Upgrade.not(Upgrade.Status.NOT_OFFERED))
                        .build())
                .probe());
        assertEquals(
                List.of("smtp 127.0.0.1:25: EHLO does not offer STARTTLS: mail and SMTP AUTH on this port "
                        + "travel in clear text."),
                RuleCheck.netMessages(notOffered, "NET-003"));

        MailRoot off = root("\"EnableSMTP-TLS\"\t\"0\"\n");
        NetAudit refused = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .startTls(new Upgrade(Upgrade.Status.REFUSED, "STARTTLS", "454 TLS not available", ""))
                                .build())
                        .probe(),
                Optional.of(off));
        NetFinding f = RuleCheck.net(refused, "NET-003").get(0);
        assertEquals(
                "smtp 127.0.0.1:25: STARTTLS is refused (\"454 TLS not available\"), because EnableSMTP-TLS is "
                        + "off in server.tab.",
                f.message(Locale.ENGLISH));
        assertEquals(Optional.of(Location.line(off.serverTabPath(), 1, "EnableSMTP-TLS")), f.cause());
        assertTrue(
                f.evidence().contains("server.tab:1: \"EnableSMTP-TLS\"<TAB>\"0\""),
                f.evidence().toString());

        NetAudit fine =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe());
        assertTrue(RuleCheck.net(fine, "NET-003").isEmpty());
    }

    @Test
    void stlsAndCtrlTlsRefusals() {
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.pop3(Upgrade.not(Upgrade.Status.NOT_OFFERED), Optional.empty()))
                .with(Observed.ctrl(
                        Service.CTRL,
                        Observed.ctrlGreeting(),
                        new Upgrade(Upgrade.Status.REFUSED, "#!TLS", "-00164 TLS service disabled", ""),
                        Optional.empty()))
                .probe());
        assertEquals(1, RuleCheck.net(a, "NET-004").size());
        assertEquals(
                List.of("ctrl 127.0.0.1:6017: #!TLS is refused (\"-00164 TLS service disabled\"): administrator"
                        + " logins on this port travel in clear text."),
                RuleCheck.netMessages(a, "NET-005"));
    }

    @Test
    void authBeforeTlsIsFlaggedForPasswordMechanismsOnlyWithSmtpNoTlsAuthsAsTheCause() {
        MailRoot unset = root("\"RootDomain\"\t\"example.test\"\n");
        NetAudit a =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe(), Optional.of(unset));
        NetFinding f = RuleCheck.net(a, "NET-006").get(0);
        assertEquals(
                "smtp 127.0.0.1:25: AUTH LOGIN, PLAIN is offered before STARTTLS, because SmtpNoTLSAuths is "
                        + "not set in server.tab.",
                f.message(Locale.ENGLISH));
        assertEquals(Optional.of(Location.line(unset.serverTabPath(), 0, "SmtpNoTLSAuths")), f.cause());

        NetAudit challengeOnly = RuleCheck.probe(
                Observed.host().with(Observed.smtp().auth("CRAM-MD5").build()).probe());
        assertTrue(RuleCheck.net(challengeOnly, "NET-006").isEmpty());
        NetAudit smtps = RuleCheck.probe(
                Observed.host().with(Observed.smtp(Service.SMTPS, 465).build()).probe());
        assertTrue(RuleCheck.net(smtps, "NET-006").isEmpty(), "on SMTPS AUTH comes inside TLS");
    }

    @Test
    void pop3UserBeforeTlsNamesTheStartUpOptionsThatHelp() {
        NetAudit a = RuleCheck.probe(Observed.host()
                .with(Observed.pop3(
                        new Upgrade(Upgrade.Status.ESTABLISHED, "STLS", "+OK Begin TLS negotiation", "TLSv1.3"),
                        Optional.of(Observed.tls())))
                .probe());
        assertEquals(
                List.of("pop3 127.0.0.1:110: USER and PASS are offered before TLS (CAPA USER); XMail cannot "
                        + "refuse them on this port: close it with -P- and keep POP3S (-BI)."),
                RuleCheck.netMessages(a, "NET-007"));
    }

    @Test
    void vrfyThatAnswers252IsFineButOneThatTellsAddressesApartIsNot() {
        NetAudit fine =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe());
        assertTrue(RuleCheck.net(fine, "NET-008").isEmpty());

        MailRoot allowed = root("\"AllowSmtpVRFY\"\t\"1\"\n");
        NetAudit telling = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .vrfy(
                                        "550 String does not match anything",
                                        "250 Postmaster <postmaster@mail.example.test>")
                                .build())
                        .probe(),
                Optional.of(allowed));
        NetFinding f = RuleCheck.net(telling, "NET-008").get(0);
        assertTrue(f.message(Locale.ENGLISH).contains("because AllowSmtpVRFY is on"));
        assertEquals(Optional.of(Location.line(allowed.serverTabPath(), 1, "AllowSmtpVRFY")), f.cause());
        assertEquals(3, f.evidence().size(), "both VRFY answers and the line");
    }

    @Test
    void etrnAcceptedAndNullSenderRefused() {
        MailRoot off = root("\"AllowNullSender\"\t\"\"\n");
        NetAudit a = RuleCheck.probe(
                Observed.host()
                        .with(Observed.smtp()
                                .etrn("250 Queueing for 'xmailkit-probe.invalid' has been started")
                                .nullSender("501 Syntax error in parameters or arguments")
                                .build())
                        .probe(),
                Optional.of(off));
        assertEquals(1, RuleCheck.net(a, "NET-009").size());
        assertTrue(RuleCheck.netMessages(a, "NET-009").get(0).contains("accepted from 127.0.0.1"));
        NetFinding ns = RuleCheck.net(a, "NET-011").get(0);
        assertTrue(ns.message(Locale.ENGLISH).contains("because AllowNullSender is off"));
        assertEquals(1, ns.cause().orElseThrow().line());

        NetAudit fine = RuleCheck.probe(Observed.host()
                .with(Observed.smtp().nullSender("451 try later").build())
                .probe());
        assertTrue(RuleCheck.net(fine, "NET-011").isEmpty(), "a temporary refusal is not a policy");
        assertTrue(RuleCheck.net(fine, "NET-009").isEmpty());
    }

    @Test
    void anOpenRelayNamesTheSmtprelayLineThatCoversTheProbingAddress() {
        MailRoot relay = root(
                "\"RootDomain\"\t\"example.test\"\n",
                "smtprelay.tab",
                "\"192.168.0.0\"\t\"255.255.0.0\"\n\"127.0.0.0\"\t\"255.0.0.0\"\n");
        NetAudit a = RuleCheck.probe(
                Observed.host().with(Observed.smtp().rcpt("250 OK").build()).probe(), Optional.of(relay));
        NetFinding f = RuleCheck.net(a, "NET-010").get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(2, f.cause().orElseThrow().line());
        assertTrue(f.cause().get().file().endsWith("smtprelay.tab"));
        assertTrue(
                f.evidence().contains("RCPT TO:<xmailkit-probe@example.net> -> 250 OK"),
                f.evidence().toString());

        NetAudit refused =
                RuleCheck.probe(Observed.host().with(Observed.smtp().build()).probe());
        assertTrue(RuleCheck.net(refused, "NET-010").isEmpty());
    }

    @Test
    void ctrlThatAnswersIsAdministrationExposedAndTheMapLineIsNamed() {
        MailRoot shipped = root(
                "\"RootDomain\"\t\"example.test\"\n", "ctrl.ipmap.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\t\"ALLOW\"\t1\n");
        NetAudit a = RuleCheck.probe(
                Observed.host()
                        .with(Observed.ctrl(
                                Service.CTRLS,
                                Observed.ctrlGreeting(),
                                Upgrade.not(Upgrade.Status.NOT_TRIED),
                                Optional.of(Observed.tls())))
                        .probe(),
                Optional.of(shipped));
        NetFinding f = RuleCheck.net(a, "NET-012").get(0);
        assertEquals(
                "ctrls 127.0.0.1:6018: CTRL greeted 127.0.0.1 with its login prompt, because a ctrl.ipmap.tab "
                        + "line allows that address (close it with -W- or bind it with -WI).",
                f.message(Locale.ENGLISH));
        assertEquals(1, f.cause().orElseThrow().line());

        MailRoot noMap = root("\"RootDomain\"\t\"example.test\"\n");
        NetAudit b = RuleCheck.probe(
                Observed.host()
                        .with(Observed.ctrl(
                                Service.CTRL,
                                Observed.ctrlGreeting(),
                                Upgrade.not(Upgrade.Status.NOT_TRIED),
                                Optional.empty()))
                        .probe(),
                Optional.of(noMap));
        assertTrue(RuleCheck.netMessages(b, "NET-012").get(0).contains("has no ctrl.ipmap.tab"));

        NetAudit denied = RuleCheck.probe(Observed.host()
                .with(Observed.ctrl(
                        Service.CTRL,
                        "-00157 Server does not like Your IP",
                        Upgrade.not(Upgrade.Status.NOT_TRIED),
                        Optional.empty()))
                .probe());
        assertTrue(RuleCheck.net(denied, "NET-012").isEmpty());
    }
}
