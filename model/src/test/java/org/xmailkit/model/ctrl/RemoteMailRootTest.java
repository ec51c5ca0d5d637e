package org.xmailkit.model.ctrl;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.testing.FakeCtrlServer;

/** Copying a remote MailRoot: what is read, what is refused, how the copy is kept. */
class RemoteMailRootTest {

    private static final byte[] PASSWORD = "pw".getBytes(US_ASCII);
    private static final Charset SJIS = Charset.forName("Shift_JIS");

    @TempDir
    Path dir;

    private static CtrlSession open(FakeCtrlServer s) throws CtrlException {
        return CtrlSession.open(
                new CtrlUrl("admin", "127.0.0.1", s.port()),
                new CtrlSettings(
                        CtrlTransport.TLS,
                        new CtrlTrust.Pinned(s.fingerprint()),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5)),
                PASSWORD);
    }

    @Test
    void copiesWhatTheAuditReadsByteForByteIntoAPrivateMailRoot() throws Exception {
        byte[] tab = ("# XMail 環境設定\r\n\"RootDomain\"\t\"example.jp\"\r\n\"SmtpMsgIPBanSpammers\"\t\""
                        + "x".repeat(3000) + "\"\r\n")
                .getBytes(SJIS);
        byte[] users = "\"example.jp\"\t\"info\"\t\"0D0A\"\t\"1\"\t\"info\"\t\"U\"\n".getBytes(US_ASCII);
        byte[] userTab = "\"SmtpPerms\"\t\"MR\"\n".getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls()
                        .account("admin", "pw")
                        .file("server.tab", tab)
                        .file("mailusers.tab", users)
                        .file("message.id", "7\r\n".getBytes(US_ASCII))
                        .file("server.cert", "-----BEGIN CERTIFICATE-----\n".getBytes(US_ASCII))
                        .file("domains/example.jp/info/user.tab", userTab)
                        .file("custdomains/.tab", new byte[0])
                        .folder("cmdaliases")
                        .folder("spool");
                CtrlSession c = open(s)) {
            Path copy = dir.resolve("copy");
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, copy);
            assertArrayEquals(tab, Files.readAllBytes(copy.resolve("server.tab")));
            assertArrayEquals(userTab, Files.readAllBytes(copy.resolve("domains/example.jp/info/user.tab")));
            assertTrue(Files.isDirectory(copy.resolve("cmdaliases")));
            assertTrue(Files.exists(copy.resolve("custdomains/.tab")));
            assertFalse(Files.exists(copy.resolve("message.id")), "only what the audit reads");
            assertFalse(Files.exists(copy.resolve("spool")));
            assertEquals(List.of(), snap.notes());
            assertEquals((long) tab.length, snap.files().get("server.tab"));
            MailRoot root = MailRoot.open(copy);
            assertEquals("example.jp", root.serverTab().effective("RootDomain").value());
            assertTrue(root.file(MailRootFile.MAIL_USERS).isPresent());
            if (Files.getFileAttributeView(copy, PosixFileAttributeView.class) != null) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
                try (Stream<Path> all = Files.walk(copy)) {
                    for (Path p : all.toList()) {
                        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                        assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", mode, p.toString());
                    }
                }
            }
        }
    }

    @Test
    void namesThatLeaveTheFolderOrNeedQuotingAreNeverAskedFor() throws IOException {
        byte[] users = ("\"../../etc\"\t\"info\"\t\"0D0A\"\t\"1\"\t\"info\"\t\"U\"\n"
                        + "\"example.jp\"\t\"x\"\t\"0D0A\"\t\"2\"\t\"/etc\"\t\"U\"\n")
                .getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls()
                        .account("admin", "pw")
                        .file("server.tab", "\"RootDomain\"\t\"a\"\n".getBytes(US_ASCII))
                        .file("mailusers.tab", users)
                        .file("certs/../x", new byte[1])
                        .file("certs/good.0", "x\n".getBytes(US_ASCII))
                        .file("certs/a b", new byte[1])
                        .file("certs/x..y", new byte[1]);
                CtrlSession c = open(s)) {
            Path copy = dir.resolve("copy");
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, copy);
            assertTrue(Files.exists(copy.resolve("certs/good.0")));
            assertFalse(Files.exists(copy.resolve("x")));
            assertFalse(Files.exists(copy.resolve("certs/a b")));
            assertFalse(Files.exists(copy.resolve("certs/x..y")));
            for (String cmd : s.commands()) {
                assertFalse(cmd.contains(".."), cmd);
                assertFalse(cmd.contains("\"/"), cmd);
            }
            assertTrue(
                    snap.notes().stream()
                            .anyMatch(n -> n.kind() == RemoteMailRoot.NoteKind.UNSAFE_NAMES
                                    && n.name().equals("certs")),
                    snap.notes().toString());
            assertTrue(
                    snap.notes().stream()
                            .anyMatch(n -> n.kind() == RemoteMailRoot.NoteKind.UNSAFE_NAMES
                                    && n.name().equals("domains")),
                    snap.notes().toString());
        }
    }

    @Test
    void aFileThatCannotBeRebuiltExactlyIsCopiedWithANote() throws IOException {
        byte[] mixed = "\"RootDomain\"\t\"a\"\r\n\"POP3Domain\"\t\"b\"\n".getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls().account("admin", "pw").file("server.tab", mixed);
                CtrlSession c = open(s)) {
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, dir.resolve("copy"));
            assertEquals(1, snap.notes().size());
            RemoteMailRoot.Note n = snap.notes().get(0);
            assertEquals(RemoteMailRoot.NoteKind.INEXACT, n.kind());
            assertEquals("server.tab", n.name());
            assertTrue(n.message(Locale.ENGLISH).contains(Integer.toString(mixed.length)));
            assertFalse(n.message(Locale.JAPANESE).isEmpty());
        }
    }

    @Test
    void aServerWithoutServerTabIsNotAMailRoot() throws IOException {
        try (FakeCtrlServer s = FakeCtrlServer.ctrls().account("admin", "pw").file("domains.tab", new byte[1]);
                CtrlSession c = open(s)) {
            CtrlException e = assertThrows(CtrlException.class, () -> RemoteMailRoot.copy(c, dir.resolve("copy")));
            assertEquals(CtrlException.Kind.NO_SERVER_TAB, e.kind());
        }
    }

    @Test
    void theCopyGoesOnlyIntoANewOrEmptyFolder() throws IOException {
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/keep.txt"), "mine");
        try (FakeCtrlServer s = FakeCtrlServer.ctrls().account("admin", "pw").file("server.tab", new byte[1]);
                CtrlSession c = open(s)) {
            assertThrows(IOException.class, () -> RemoteMailRoot.copy(c, dir.resolve("full")));
            assertEquals("mine", Files.readString(dir.resolve("full/keep.txt")));
        }
    }

    @Test
    void currentTellsWhetherTheServerStillHoldsGivenBytes() throws IOException {
        byte[] tab = "\"RootDomain\"\t\"a\"\r\n".getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls().account("admin", "pw").file("server.tab", tab);
                CtrlSession c = open(s)) {
            RemoteMailRoot.Remote r = RemoteMailRoot.current(c, "server.tab").orElseThrow();
            assertTrue(r.holds(tab));
            assertFalse(r.holds("\"RootDomain\"\t\"a\"\n".getBytes(US_ASCII)), "LF, not CRLF");
            assertTrue(RemoteMailRoot.current(c, "smtpfwd.tab").isEmpty());
            assertThrows(IllegalArgumentException.class, () -> RemoteMailRoot.current(c, "../x"));
        }
    }

    @Test
    void aTwoLineFileTakesTheLineBreakOfTheServersOtherFiles() throws IOException {
        byte[] tab = "\"RootDomain\"\t\"a\"\r\n\"POP3Domain\"\t\"b\"\r\n\"HeloDomain\"\t\"c\"\r\n".getBytes(US_ASCII);
        byte[] twoCrlf = "\"a\"\t\"b\"\r\n\"c\"\t\"d\"".getBytes(US_ASCII); // Notepad style: no final line break
        byte[] twoLf = "\"a\"\t\"b\"\n\"c\"\t\"d\"\n".getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls()
                        .account("admin", "pw")
                        .file("server.tab", tab)
                        .file("aliases.tab", twoCrlf);
                CtrlSession c = open(s)) {
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, dir.resolve("crlf"));
            assertArrayEquals(twoCrlf, Files.readAllBytes(dir.resolve("crlf/aliases.tab")));
            assertEquals(List.of(), snap.notes());
        }
        byte[] lfTab = new String(tab, US_ASCII).replace("\r\n", "\n").getBytes(US_ASCII);
        try (FakeCtrlServer s = FakeCtrlServer.ctrls()
                        .account("admin", "pw")
                        .file("server.tab", lfTab)
                        .file("aliases.tab", twoLf);
                CtrlSession c = open(s)) {
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, dir.resolve("lf"));
            assertArrayEquals(twoLf, Files.readAllBytes(dir.resolve("lf/aliases.tab")));
            assertEquals(List.of(), snap.notes());
        }
        try (FakeCtrlServer s = FakeCtrlServer.ctrls().account("admin", "pw").file("server.tab", twoLf);
                CtrlSession c = open(s)) {
            RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(c, dir.resolve("alone"));
            assertEquals(
                    List.of(RemoteMailRoot.NoteKind.AMBIGUOUS),
                    snap.notes().stream().map(RemoteMailRoot.Note::kind).toList(),
                    "nothing else on the server tells");
        }
    }
}
