package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.testing.XMail127Default;

class MailRootTest {

    @TempDir
    Path tmp;

    @Test
    void theDefaultMailRootOpensWithItsFilesAndNoTlsMaterial() throws Exception {
        MailRoot root = MailRoot.open(XMail127Default.copyTo(tmp.resolve("MailRoot")));
        assertFalse(root.bare());
        assertEquals(
                "xmailserver.test", root.serverTab().effective("RootDomain").value());
        TabFile users = root.file(MailRootFile.MAIL_USERS).orElseThrow();
        assertEquals(1, users.rows().size());
        assertEquals(
                "xmail", XMailPassword.decode(users.rows().get(0).column(2)).password());
        assertTrue(root.exists(MailRootFile.CTRL_ACCOUNTS));
        assertEquals(
                List.of(), root.file(MailRootFile.CTRL_ACCOUNTS).orElseThrow().rows());
        TabFile ipmap = root.file(MailRootFile.CTRL_IPMAP).orElseThrow();
        assertEquals(
                List.of("0.0.0.0", "0.0.0.0", "ALLOW", "1"), ipmap.rows().get(0).columns());
        assertEquals(3, root.file(MailRootFile.SMTP_RELAY).orElseThrow().rows().size());
        assertTrue(root.serverCert().isEmpty());
        assertTrue(root.serverKey().isEmpty());
        assertTrue(root.certsPem().isEmpty());
        assertTrue(root.certsDir().isEmpty());
        assertTrue(root.path("domains/xmailserver.test/xmailuser/user.tab").isPresent());
        assertEquals(List.of(), root.readErrors());
    }

    @Test
    void theDefaultMailRootCanBeWrittenWithWindowsLineEndings() throws Exception {
        Path dir = XMail127Default.copyTo(tmp.resolve("win"), LineEnding.CRLF);
        MailRoot root = MailRoot.open(dir);
        assertEquals(LineEnding.CRLF, root.serverTab().document().dominantEnding());
        assertEquals(
                "xmailserver.test", root.serverTab().effective("RootDomain").value());
        assertEquals(0, Files.size(dir.resolve("ctrlaccounts.tab")));
        assertThrows(IllegalArgumentException.class, () -> XMail127Default.copyTo(tmp.resolve("x"), LineEnding.NONE));
    }

    @Test
    void siblingFilesAreReadLazilyAndOnlyOnce() throws Exception {
        Path dir = MailRootFixture.in(tmp.resolve("lazy")).xmail127Default().write();
        MailRoot root = MailRoot.open(dir);
        Files.writeString(dir.resolve("smtprelay.tab"), "\"0.0.0.0/0\"\n");
        TabFile relay = root.file(MailRootFile.SMTP_RELAY).orElseThrow();
        assertEquals("0.0.0.0/0", relay.rows().get(0).column(0), "read on first use, after the change");
        Files.writeString(dir.resolve("smtprelay.tab"), "\"10.0.0.0/8\"\n");
        assertEquals(
                "0.0.0.0/0",
                root.file(MailRootFile.SMTP_RELAY).orElseThrow().rows().get(0).column(0),
                "then kept");
    }

    @Test
    void readErrorsOfSiblingFilesAreRememberedNotThrown() throws Exception {
        Path dir = MailRootFixture.in(tmp.resolve("err"))
                .xmail127Default()
                .bytes("spammers.tab", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0})
                .write();
        MailRoot root = MailRoot.open(dir);
        assertTrue(root.file(MailRootFile.SPAMMERS).isEmpty());
        assertTrue(root.file(MailRootFile.SPAMMERS).isEmpty());
        List<InputException> errors = root.readErrors();
        assertEquals(1, errors.size());
        assertEquals(InputException.Reason.BINARY, errors.get(0).reason());
        assertEquals(dir.resolve("spammers.tab"), errors.get(0).path());
    }

    @Test
    void aBareServerTabKnowsNothingOfOtherFiles() throws Exception {
        Path dir = XMail127Default.copyTo(tmp.resolve("bare"));
        Path copy = tmp.resolve("server-old.tab");
        Files.copy(dir.resolve("server.tab"), copy);
        MailRoot root = MailRoot.open(copy);
        assertTrue(root.bare());
        assertEquals(copy, root.serverTabPath());
        assertFalse(root.exists(MailRootFile.MAIL_USERS));
        assertTrue(root.exists(MailRootFile.SERVER_TAB));
        assertTrue(root.file(MailRootFile.MAIL_USERS).isEmpty());
        assertTrue(root.path("server.tab").isEmpty());
        assertEquals(
                root.serverTab().document(),
                root.file(MailRootFile.SERVER_TAB).orElseThrow().document());
    }

    @Test
    void tlsMaterialIsFoundWhenPresent() throws Exception {
        Path dir = MailRootFixture.in(tmp.resolve("tls"))
                .xmail127Default()
                .file("server.cert", "-----BEGIN CERTIFICATE-----\n")
                .file("server.key", "k\n")
                .file("certs/abcd1234.0", "c\n")
                .write();
        MailRoot root = MailRoot.open(dir);
        assertEquals(dir.resolve("server.cert"), root.serverCert().orElseThrow());
        assertEquals(dir.resolve("server.key"), root.serverKey().orElseThrow());
        assertEquals(dir.resolve("certs"), root.certsDir().orElseThrow());
    }

    @Test
    void columnsFollowEachFilesRules() throws Exception {
        Path dir = MailRootFixture.in(tmp.resolve("cols"))
                .xmail127Default()
                .file("ctrlaccounts.tab", "#\"admin\"\t\"1d08040c09\"\n")
                .file("smtp.ipmap.tab", "\"10.0.0.0/8\"\t\"DENY\"\t\"1\"\n\"0.0.0.0/0\"\t\"-\"\t\"ALLOW\"\t\"0\"\n")
                .write();
        MailRoot root = MailRoot.open(dir);
        TabFile ctrl = root.file(MailRootFile.CTRL_ACCOUNTS).orElseThrow();
        assertEquals("#\"admin\"", ctrl.rows().get(0).column(0), "ctrlaccounts.tab has no comments");
        TabFile ipmap = root.file(MailRootFile.SMTP_IPMAP).orElseThrow();
        assertEquals(1, ipmap.rows().size());
        assertEquals(1, ipmap.shortRows().size(), "three columns are too few even in CIDR form");
        assertEquals(3, ipmap.shortRows().get(0).size());
        assertEquals("", ipmap.shortRows().get(0).column(5));
    }

    @Test
    void aDirectoryWithoutServerTabIsNotAMailRoot() throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        InputException e = assertThrows(InputException.class, () -> MailRoot.open(tmp.resolve("empty")));
        assertEquals(InputException.Reason.NOT_A_MAILROOT, e.reason());
        InputException missing = assertThrows(InputException.class, () -> MailRoot.open(tmp.resolve("nope")));
        assertEquals(InputException.Reason.MISSING, missing.reason());
        assertTrue(missing.getMessage().endsWith("nope: no such file or directory"), missing.getMessage());
    }

    @Test
    void aOneMegabyteLineIsAProblemNotAnError() throws Exception {
        Path dir = MailRootFixture.in(tmp.resolve("big"))
                .serverTab("\"CustomSMTPMessage\"\t\"" + "a".repeat(1024 * 1024) + "\"\n\"RootDomain\"\t\"x\"\n")
                .write();
        MailRoot root = MailRoot.open(dir);
        assertEquals("x", root.serverTab().effective("RootDomain").value());
        assertEquals(
                2046 - "\"CustomSMTPMessage\"\t\"".length(),
                root.serverTab().effective("CustomSMTPMessage").value().length());
        assertTrue(root.serverTab().problems().stream().anyMatch(p -> p.code() == ProblemCode.LONG_LINE));
    }

    @Test
    void aNonTextServerTabIsAnInputError() throws IOException {
        Path dir = tmp.resolve("bin");
        Files.createDirectories(dir);
        Files.write(
                dir.resolve("server.tab"),
                "\u0000\u0001\u0002\u0003\u0004".repeat(100).getBytes(StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> MailRoot.open(dir));
        assertEquals(InputException.Reason.BINARY, e.reason());
    }
}
