package org.xmailkit.model.ctrl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.FakeCtrlServer;

/** The CTRL session against the in-process fake server: transports, trust, login, commands, limits. */
class CtrlSessionTest {

    private static final byte[] PASSWORD = "S3cret!pw".getBytes(StandardCharsets.UTF_8);
    private static final Pattern MD5_LOGIN = Pattern.compile("\"admin\"\t\"#[0-9a-f]{32}\"");

    @TempDir
    Path dir;

    private static CtrlUrl url(FakeCtrlServer s) {
        return new CtrlUrl("admin", "127.0.0.1", s.port());
    }

    private static CtrlSettings settings(CtrlTransport t, CtrlTrust trust) {
        return new CtrlSettings(t, trust, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static CtrlSettings pinned(CtrlTransport t, FakeCtrlServer s) {
        return settings(t, new CtrlTrust.Pinned(s.fingerprint()));
    }

    private static FakeCtrlServer server(FakeCtrlServer s) {
        return s.account("admin", "S3cret!pw");
    }

    @Test
    void ctrlsLogsInWithMd5AndThePasswordNeverCrossesTheWire() throws IOException {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls());
                CtrlSession c = CtrlSession.open(url(s), pinned(CtrlTransport.TLS, s), PASSWORD)) {
            c.noop();
            assertEquals(CtrlTransport.TLS, c.transport());
            assertEquals(s.fingerprint(), c.fingerprint().orElseThrow());
            assertEquals(1, s.loginLines().size());
            assertTrue(
                    MD5_LOGIN.matcher(s.loginLines().get(0)).matches(),
                    s.loginLines().get(0));
            assertFalse(s.loginLines().get(0).contains("S3cret"));
        }
    }

    @Test
    void starttlsSwitchesToTlsBeforeTheLogin() throws IOException {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrl());
                CtrlSession c = CtrlSession.open(url(s), pinned(CtrlTransport.STARTTLS, s), PASSWORD)) {
            c.noop();
            assertEquals(s.fingerprint(), c.fingerprint().orElseThrow());
            assertTrue(MD5_LOGIN.matcher(s.loginLines().get(0)).matches());
        }
    }

    @Test
    void clearTextStillLogsInWithMd5() throws IOException {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrl());
                CtrlSession c = CtrlSession.open(url(s), pinned(CtrlTransport.CLEARTEXT, s), PASSWORD)) {
            c.noop();
            assertTrue(c.fingerprint().isEmpty());
            assertTrue(MD5_LOGIN.matcher(s.loginLines().get(0)).matches());
        }
    }

    @Test
    void wrongPasswordIsALoginErrorWithTheServersCodeAndNoPassword() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls())) {
            CtrlException e = assertThrows(
                    CtrlException.class,
                    () -> CtrlSession.open(
                            url(s), pinned(CtrlTransport.TLS, s), "wrong-pw".getBytes(StandardCharsets.UTF_8)));
            assertEquals(CtrlException.Kind.LOGIN, e.kind());
            assertEquals(105, e.code());
            assertTrue(e.oneLine(Locale.ENGLISH).contains("-00105"), e.oneLine(Locale.ENGLISH));
            assertTrue(e.oneLine(Locale.ENGLISH).startsWith("ctrl://admin@127.0.0.1:" + s.port() + ": "));
            assertFalse(e.getMessage().contains("wrong-pw"));
            assertFalse(e.oneLine(Locale.JAPANESE).contains("wrong-pw"));
        }
    }

    @Test
    void ipMapRefusalIsReportedFromTheGreeting() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls()).refuse("-00130 Server does not like Your IP")) {
            CtrlException e = assertThrows(
                    CtrlException.class, () -> CtrlSession.open(url(s), pinned(CtrlTransport.TLS, s), PASSWORD));
            assertEquals(CtrlException.Kind.REFUSED, e.kind());
            assertEquals(130, e.code());
            assertTrue(s.loginLines().isEmpty(), "nothing sent after a refusal");
        }
    }

    @Test
    void starttlsRefusedIsNotFollowedByAClearTextLogin() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrl()).starttls(false)) {
            CtrlException e = assertThrows(
                    CtrlException.class, () -> CtrlSession.open(url(s), pinned(CtrlTransport.STARTTLS, s), PASSWORD));
            assertEquals(CtrlException.Kind.TLS_DISABLED, e.kind());
            assertEquals(249, e.code());
            assertTrue(s.loginLines().isEmpty());
        }
    }

    @Test
    void aCertificateOtherThanThePinnedOneIsRefusedBeforeTheLogin() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls("other.p12"))) {
            CtrlException e = assertThrows(
                    CtrlException.class,
                    () -> CtrlSession.open(
                            url(s),
                            settings(CtrlTransport.TLS, new CtrlTrust.Pinned(FakeCtrlServer.fingerprint("server.p12"))),
                            PASSWORD));
            assertEquals(CtrlException.Kind.UNTRUSTED, e.kind());
            assertTrue(s.loginLines().isEmpty());
        }
    }

    @Test
    void knownHostsTrustsOnFirstUseThenRefusesAnotherCertificate() throws IOException {
        Path known = dir.resolve("known_hosts");
        CtrlSettings tofu = settings(CtrlTransport.TLS, new CtrlTrust.KnownHosts(known));
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls())) {
            try (CtrlSession c = CtrlSession.open(url(s), tofu, PASSWORD)) {
                assertTrue(c.firstUse());
            }
            String text = Files.readString(known);
            assertTrue(text.contains("127.0.0.1:" + s.port() + " " + s.fingerprint()), text);
            if (Files.getFileAttributeView(known, PosixFileAttributeView.class) != null) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(known)));
            }
            try (CtrlSession c = CtrlSession.open(url(s), tofu, PASSWORD)) {
                assertFalse(c.firstUse(), "known now");
            }
            assertEquals(text, Files.readString(known), "nothing added the second time");
        }
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls("other.p12"))) {
            // The same host and port as recorded, another certificate.
            Files.writeString(known, "127.0.0.1:" + s.port() + " " + FakeCtrlServer.fingerprint("server.p12") + "\n");
            CtrlException e = assertThrows(CtrlException.class, () -> CtrlSession.open(url(s), tofu, PASSWORD));
            assertEquals(CtrlException.Kind.CERTIFICATE_CHANGED, e.kind());
            assertTrue(s.loginLines().isEmpty(), "no login to a server whose certificate changed");
        }
    }

    @Test
    void aCaFileVouchesForTheCertificateAndItsName() throws IOException {
        Path ca = dir.resolve("ca.pem");
        try (InputStream in = getClass().getResourceAsStream("/ctrl/server-ca.pem")) {
            Files.write(ca, in.readAllBytes());
        }
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls());
                CtrlSession c =
                        CtrlSession.open(url(s), settings(CtrlTransport.TLS, new CtrlTrust.Authority(ca)), PASSWORD)) {
            c.noop();
        }
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls("other.p12"))) {
            CtrlException e = assertThrows(
                    CtrlException.class,
                    () -> CtrlSession.open(url(s), settings(CtrlTransport.TLS, new CtrlTrust.Authority(ca)), PASSWORD));
            assertEquals(CtrlException.Kind.UNTRUSTED, e.kind());
        }
    }

    @Test
    void listsGetsAndPutsWithDotStuffing() throws IOException {
        byte[] tab = ".leading dot\n..two\n.\nplain\n".getBytes(StandardCharsets.US_ASCII);
        try (FakeCtrlServer s =
                        server(FakeCtrlServer.ctrls()).file("server.tab", tab).file("sub/a.tab", new byte[3]);
                CtrlSession c = CtrlSession.open(url(s), pinned(CtrlTransport.TLS, s), PASSWORD)) {
            assertEquals(List.of(new CtrlSession.Entry("server.tab", tab.length)), c.list(".", "*"));
            List<byte[]> lines = c.get("server.tab");
            assertEquals(4, lines.size());
            assertArrayEquals(".leading dot".getBytes(StandardCharsets.US_ASCII), lines.get(0));
            assertArrayEquals("..two".getBytes(StandardCharsets.US_ASCII), lines.get(1));
            assertArrayEquals(".".getBytes(StandardCharsets.US_ASCII), lines.get(2));
            c.put("copy.tab", lines);
            assertArrayEquals(tab, s.file("copy.tab"));
            CtrlException missing = assertThrows(CtrlException.class, () -> c.list("nope", "*"));
            assertEquals(211, missing.code());
            CtrlException noFile = assertThrows(CtrlException.class, () -> c.get("nope.tab"));
            assertEquals(19, noFile.code());
            c.noop(); // an error reply leaves the session usable
        }
    }

    @Test
    void aLineLongerThanTheLimitEndsTheSession() throws IOException {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls()).file("server.tab", new byte[1]);
                CtrlSession c = CtrlSession.open(url(s), pinned(CtrlTransport.TLS, s), PASSWORD)) {
            s.file("x".repeat(CtrlSession.MAX_LINE + 10), new byte[1]); // the fake lists names as they are
            CtrlException e = assertThrows(CtrlException.class, () -> c.list(".", "*"));
            assertEquals(CtrlException.Kind.LIMIT, e.kind());
            CtrlException after = assertThrows(CtrlException.class, c::noop);
            assertEquals(CtrlException.Kind.CLOSED, after.kind(), "a broken session is not used again");
        }
    }

    @Test
    void aGreetingWithoutTimestampIsRefusedRatherThanLoggingInInClearText() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls())
                .greeting("+00000 XMail CTRL Server\r\n".getBytes(StandardCharsets.US_ASCII))) {
            CtrlException e = assertThrows(
                    CtrlException.class, () -> CtrlSession.open(url(s), pinned(CtrlTransport.TLS, s), PASSWORD));
            assertEquals(CtrlException.Kind.PROTOCOL, e.kind());
            assertTrue(s.loginLines().isEmpty());
        }
    }

    @Test
    void aServerThatStopsAnsweringTimesOut() {
        try (FakeCtrlServer s = server(FakeCtrlServer.ctrls()).silentAfterGreeting(true)) {
            CtrlSettings quick = new CtrlSettings(
                    CtrlTransport.TLS,
                    new CtrlTrust.Pinned(s.fingerprint()),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(300));
            long start = System.nanoTime();
            CtrlException e = assertThrows(CtrlException.class, () -> CtrlSession.open(url(s), quick, PASSWORD));
            assertEquals(CtrlException.Kind.TIMEOUT, e.kind());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
        }
    }

    @Test
    void nothingListensIsAConnectError() throws IOException {
        int port;
        try (FakeCtrlServer s = FakeCtrlServer.ctrls()) {
            port = s.port();
        }
        CtrlException e = assertThrows(
                CtrlException.class,
                () -> CtrlSession.open(
                        new CtrlUrl("admin", "127.0.0.1", port),
                        settings(CtrlTransport.TLS, new CtrlTrust.Pinned("0".repeat(64))),
                        PASSWORD));
        assertEquals(CtrlException.Kind.CONNECT, e.kind());
    }

    @Test
    void md5IsOfTheTimestampWithBracketsAndThePassword() {
        // printf '<1.2@127.0.0.1>secret' | md5sum
        assertEquals(
                "88d1f794c2342002b5d8226ba2d99033",
                CtrlSession.md5("<1.2@127.0.0.1>", "secret".getBytes(StandardCharsets.US_ASCII)));
    }
}
