package org.xmailkit.audit.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.behaviour.SmtpBehaviour.TlsOutcome;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * The SMTP behaviour view on small MailRoots, each case as XMail 1.27's SMTPSvr.cpp decides it (and as the
 * real-XMail tests in it-tests confirm on the wire): the view must say what the server does, not what looks likely.
 */
class SmtpBehaviourTest {

    @TempDir
    Path dir;

    private static final XMailVersion V127 = XMailVersion.parse("1.27");

    private SmtpBehaviour of(MailRoot root) {
        return SmtpBehaviour.of(root, SmtpConditions.loopback(V127, true, TlsLibrary.OPENSSL_3_LEVEL_2, 25));
    }

    /** The MailRoot XMail ships, with a server.tab of the test's own. */
    private MailRootFixture shipped(String serverTab) {
        return MailRootFixture.in(dir).xmail127Default().serverTab(serverTab);
    }

    @Test
    void theShippedMailRootGreetsWithSmtpServerDomainAndOffersEverything() {
        SmtpBehaviour b = of(MailRootFixture.in(dir).xmail127Default().open());
        assertTrue(b.refusal().isEmpty());
        assertEquals("xmailserver.test", b.greetingDomain());
        assertEquals(
                List.of(
                        "250-xmailserver.test",
                        "250-VRFY",
                        "250-ETRN",
                        "250-8BITMIME",
                        "250-PIPELINING",
                        "250-AUTH LOGIN PLAIN CRAM-MD5",
                        "250-SIZE",
                        "250 STARTTLS"),
                texts(b.ehlo()));
        assertEquals("252 Argument not checked", b.vrfy().orElseThrow().text());
        assertEquals("501 Command not accepted", b.etrn().text());
        assertEquals("250 OK", b.mail(true, 0).text());
        assertEquals("550 Relay denied", b.rcpt().orElseThrow().text());
        // No server.cert: 220, then the connection drops (TLS-004).
        assertEquals(TlsOutcome.DROPPED, b.startTls().outcome());
        assertEquals("220 Ready to start TLS", b.startTls().reply().text());
    }

    @Test
    void withoutSmtpServerDomainTheGreetingTakesTheReverseNameOfTheLocalAddress() {
        SmtpBehaviour b = of(shipped("\"RootDomain\"\t\"example.jp\"\n").open());
        assertEquals("localhost", b.greetingDomain());
        assertEquals("250-example.jp", b.ehlo().get(0).text());
    }

    @Test
    void withoutRootDomainEhloFailsAndSoDoesMail() {
        SmtpBehaviour b = of(shipped("\"CustomSMTPMessage\"\t\"call us\"\n").open());
        assertEquals(1, b.ehlo().size());
        assertTrue(b.ehlo().get(0).matches("451 Requested action aborted: (-123) local error in processing - call us"));
        assertEquals("503 Bad sequence of commands - call us", b.mail(true, 0).text());
    }

    @Test
    void missingSpammersTabRefusesEverySessionWithTheConfiguredTextOr421() {
        MailRoot plain = MailRootFixture.in(dir.resolve("a"))
                .serverTab("\"RootDomain\"\t\"x.jp\"\n")
                .open();
        assertTrue(of(plain)
                .refusal()
                .orElseThrow()
                .matches("421 [XMail 1.27 ESMTP Server] service not available (-19), closing transmission channel"));
        MailRoot text = MailRootFixture.in(dir.resolve("b"))
                .serverTab("\"SmtpMsgIPBanSpammers\"\t\"550 Denied\"\n")
                .open();
        assertEquals("550 Denied", of(text).refusal().orElseThrow().text());
    }

    @Test
    void ipMapDropCodeZeroBlocksNothing() {
        SmtpBehaviour b = of(shipped("\"RootDomain\"\t\"x.jp\"\n\"SMTP-IpMapDropCode\"\t\"0\"\n")
                .file("smtp.ipmap.tab", "\"127.0.0.1\"\t\"255.255.255.255\"\t\"DENY\"\t2\n")
                .open());
        assertTrue(b.refusal().isEmpty());
        assertEquals("250 OK", b.mail(true, 0).text());
        SmtpBehaviour denied = of(MailRootFixture.in(dir.resolve("c"))
                .xmail127Default()
                .serverTab("\"RootDomain\"\t\"x.jp\"\n\"SmtpMsgIPBan\"\t\"554 Go away\"\n")
                .file("smtp.ipmap.tab", "\"127.0.0.1\"\t\"255.255.255.255\"\t\"DENY\"\t2\n")
                .open());
        assertEquals("554 Go away", denied.refusal().orElseThrow().text());
    }

    @Test
    void smtpNoTlsAuthsLetsOnlyItsFirstMechanismThrough() {
        SmtpBehaviour b = of(shipped("\"RootDomain\"\t\"x.jp\"\n\"SmtpNoTLSAuths\"\t\"PLAIN,LOGIN\"\n")
                .open());
        assertEquals(List.of("PLAIN"), b.authMechanisms());
        SmtpBehaviour none = of(
                shipped("\"RootDomain\"\t\"x.jp\"\n\"SmtpNoTLSAuths\"\t\"\"\n").open());
        assertEquals(List.of(), none.authMechanisms());
        assertFalse(texts(none.ehlo()).stream().anyMatch(l -> l.contains("AUTH")));
    }

    @Test
    void smtpConfigLocksMailAndOnlyExactTokensCount() {
        assertEquals(
                "551 Server use forbidden",
                of(shipped("\"RootDomain\"\t\"x.jp\"\n\"SmtpConfig\"\t\"mail-auth\"\n")
                                .open())
                        .mail(true, 0)
                        .text());
        // " WantTLS" (after ", ") is no WantTLS; Mail-Auth is no mail-auth since 1.26.
        assertEquals(
                "551 Server use forbidden",
                of(MailRootFixture.in(dir.resolve("d"))
                                .xmail127Default()
                                .serverTab("\"RootDomain\"\t\"x.jp\"\n\"SmtpConfig\"\t\"mail-auth, WantTLS\"\n")
                                .open())
                        .mail(true, 0)
                        .text());
        assertEquals(
                "250 OK",
                of(MailRootFixture.in(dir.resolve("e"))
                                .xmail127Default()
                                .serverTab("\"RootDomain\"\t\"x.jp\"\n\"SmtpConfig\"\t\"Mail-Auth\"\n")
                                .open())
                        .mail(true, 0)
                        .text());
        assertEquals(
                "503 Bad sequence of commands (TLS needed for this session)",
                of(MailRootFixture.in(dir.resolve("f"))
                                .xmail127Default()
                                .serverTab("\"RootDomain\"\t\"x.jp\"\n\"SmtpConfig\"\t\"WantTLS,mail-auth\"\n")
                                .open())
                        .mail(true, 0)
                        .text());
    }

    @Test
    void maxMessageSizeIsKilobytesInAnUnsignedLong() {
        assertEquals(
                "250-SIZE 10240000",
                texts(of(shipped("\"RootDomain\"\t\"x.jp\"\n\"MaxMessageSize\"\t\"10000\"\n")
                                        .open())
                                .ehlo())
                        .get(6));
        assertEquals(
                "250-SIZE 18446744073709550592",
                texts(of(MailRootFixture.in(dir.resolve("g"))
                                        .xmail127Default()
                                        .serverTab("\"RootDomain\"\t\"x.jp\"\n\"MaxMessageSize\"\t\"-1\"\n")
                                        .open())
                                .ehlo())
                        .get(6));
    }

    @Test
    void authenticatedSessionsGetDefaultSmtpPermsOfTheRelease() {
        String users = "\"x.jp\"\t\"u\"\t\"" + XMailPassword.encode("pw") + "\"\t1\t\"u\"\t\"U\"\n";
        MailRoot root = shipped("\"RootDomain\"\t\"x.jp\"\n")
                .file("mailusers.tab", users)
                .file("domains.tab", "\"x.jp\"\n")
                .open();
        SmtpBehaviour after =
                of(root).authPlain("u@x.jp", "pw").orElseThrow().after().orElseThrow();
        assertEquals(
                "550 String does not match anything", after.vrfy().orElseThrow().text());
        assertEquals("250 OK", after.rcpt().orElseThrow().text());
        SmtpBehaviour on126 = SmtpBehaviour.of(
                root, SmtpConditions.loopback(XMailVersion.parse("1.26"), true, TlsLibrary.OPENSSL_3_LEVEL_2, 25));
        assertEquals("MR", on126.defaultPerms());
        assertEquals(
                "252 Argument not checked",
                on126.authPlain("u@x.jp", "pw")
                        .orElseThrow()
                        .after()
                        .orElseThrow()
                        .vrfy()
                        .orElseThrow()
                        .text());
        assertEquals(
                "503 Authentication failed",
                of(root).authPlain("u@x.jp", "wrong").orElseThrow().reply().text());
    }

    @Test
    void startupNeedsTheFiveTables() {
        MailRoot bare =
                MailRootFixture.in(dir).serverTab("\"RootDomain\"\t\"x.jp\"\n").open();
        assertEquals(XMailStartup.REQUIRED_FILES, XMailStartup.missing(bare));
        MailRoot shipped =
                MailRootFixture.in(dir.resolve("h")).xmail127Default().open();
        assertEquals(List.of(), XMailStartup.missing(shipped));
    }

    private static List<String> texts(List<Reply> replies) {
        return replies.stream().map(Reply::text).toList();
    }
}
