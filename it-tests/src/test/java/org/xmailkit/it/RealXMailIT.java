package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.xmailkit.it.RealXMail.Service;

/**
 * The real-XMail fixture itself: XMail 1.27 starts on a copy of the MailRoot it ships with every service on
 * 127.0.0.1 and nowhere else, reads server.tab again per session, takes custom command lines, reports an exit, keeps
 * XMail's own DNS queries on this machine, refuses command lines that would reach beyond it, and says how to get a
 * missing source tree.
 */
class RealXMailIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    @Test
    void everyServiceAnswersOnLoopbackAndNowhereElse() throws IOException {
        Path shipped = XMAIL.shippedMailRoot("shipped");
        try (RealXMail.Server xmail = XMAIL.start(shipped)) {
            assertEquals(Set.of(Service.values()), xmail.ports().keySet());
            try (LineClient smtp = LineClient.connect(xmail.port(Service.SMTP))) {
                String greeting = smtp.line();
                assertTrue(
                        greeting.startsWith("220 xmailserver.test ") && greeting.contains("[XMail 1.27 ESMTP"),
                        greeting);
            }
            try (LineClient pop3 = LineClient.connect(xmail.port(Service.POP3))) {
                assertTrue(pop3.line().startsWith("+OK "));
            }
            try (LineClient ctrl = LineClient.connect(xmail.port(Service.CTRL))) {
                assertTrue(ctrl.line().startsWith("+00000 "));
            }
            for (Service s : List.of(Service.SMTPS, Service.POP3S, Service.CTRLS, Service.FINGER)) {
                try (Socket socket = new Socket()) {
                    socket.connect(xmail.address(s), 5_000);
                }
            }
            Set<Integer> ports = new HashSet<>();
            xmail.ports().values().forEach(ports::addAll);
            assertEquals(Set.of("127.0.0.1"), listeners(ports), "XMail listens on loopback only");
            assertTrue(xmail.stdout().contains("XMail 1.27 server started"), xmail::stdout);
            assertTrue(Files.isDirectory(xmail.logs()));
        }
    }

    @Test
    void serverTabIsReadAgainForTheNextSession() throws IOException {
        try (RealXMail.Server xmail = XMAIL.start(XMAIL.shippedMailRoot("reread"))) {
            byte[] tab = Files.readAllBytes(xmail.mailRoot().resolve("server.tab"));
            String edited = new String(tab, StandardCharsets.ISO_8859_1)
                    .replace("\"SmtpServerDomain\"\t\"xmailserver.test\"", "\"SmtpServerDomain\"\t\"edited.test\"");
            xmail.serverTab(edited.getBytes(StandardCharsets.ISO_8859_1));
            try (LineClient smtp = LineClient.connect(xmail.port(Service.SMTP))) {
                assertTrue(smtp.line().startsWith("220 edited.test "));
            }
        }
    }

    @Test
    void customCommandLineListensOnlyWhereItSaysAndExtraOptionsApply() throws IOException {
        int smtp = RealXMail.freePort();
        try (RealXMail.Server xmail = XMAIL.on(XMAIL.shippedMailRoot("custom"))
                .custom("-SI", "127.0.0.1:" + smtp, "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-")
                .extra("-Sl")
                .start()) {
            assertEquals(Map.of(Service.SMTP, List.of(smtp)), xmail.ports());
            assertEquals(Set.of("127.0.0.1"), listeners(Set.of(smtp)));
            assertTrue(RealXMail.answers(smtp));
            assertFalse(RealXMail.answers(RealXMail.freePort()));
            try (LineClient c = LineClient.connect(smtp)) {
                assertTrue(c.line().startsWith("220 "));
                c.smtp("HELO client.test");
                c.smtp("MAIL FROM:<someone@client.test>");
                assertEquals(List.of("550 Relay denied"), c.smtp("RCPT TO:<someone@example.org>"));
                c.smtp("QUIT");
            }
            assertTrue(awaitFile(xmail.logs(), "smtp-"), "-Sl writes an SMTP log");
        }
    }

    @Test
    void aServerThatCannotStartReportsItsExitAndOutput() throws IOException {
        int taken = RealXMail.freePort();
        try (RealXMail.Server first = XMAIL.on(XMAIL.shippedMailRoot("first"))
                .custom("-SI", "127.0.0.1:" + taken, "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-")
                .start()) {
            RealXMail.Server second = XMAIL.on(XMAIL.shippedMailRoot("second"))
                    .custom("-SI", "127.0.0.1:" + taken, "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-")
                    .spawn();
            OptionalInt exit = second.awaitExit(Duration.ofSeconds(30));
            assertTrue(exit.isPresent() && exit.getAsInt() != 0, () -> "exit " + exit);
            assertTrue(second.stdout().contains("Socket bind error"), second::stdout);
            assertTrue(first.running());
        }
        RealXMail.Server bare =
                XMAIL.on(XMAIL.shippedMailRoot("bare")).withoutRuntimeFolders().spawn();
        OptionalInt exit = bare.awaitExit(Duration.ofSeconds(30));
        assertTrue(exit.isPresent() && exit.getAsInt() != 0, () -> "exit " + exit);
        assertFalse(bare.awaitStarted(Duration.ZERO), bare::stdout);
    }

    @Test
    void stoppedServerNoLongerAnswers() {
        RealXMail.Server xmail = XMAIL.start(XMAIL.shippedMailRoot("stopped"));
        int smtp = xmail.port(Service.SMTP);
        xmail.stop();
        assertFalse(xmail.running());
        assertTrue(xmail.stdout().contains("XMail 1.27 server stopped"), xmail::stdout);
        assertThrows(UncheckedIOException.class, () -> LineClient.connect(smtp).close());

        RealXMail.Server killed = XMAIL.start(XMAIL.shippedMailRoot("killed"));
        killed.kill();
        assertFalse(killed.running());
        assertFalse(killed.stdout().contains("server stopped"), killed::stdout);
        assertFalse(RealXMail.answers(killed.port(Service.SMTP)));
    }

    @Test
    void refusesWhatWouldReachBeyondThisMachine() throws IOException {
        Path shipped = XMAIL.shippedMailRoot("refused");
        assertThrows(
                IllegalArgumentException.class,
                () -> XMAIL.on(shipped)
                        .custom(
                                "-SI",
                                "0.0.0.0:" + RealXMail.freePort(),
                                "-P-",
                                "-C-",
                                "-X-",
                                "-B-",
                                "-W-",
                                "-F-",
                                "-Y-")
                        .spawn(),
                "SMTP on every address");
        assertThrows(
                IllegalArgumentException.class,
                () -> XMAIL.on(shipped)
                        .custom(
                                "-SI",
                                "127.0.0.1:" + RealXMail.freePort(),
                                "-P-",
                                "-C-",
                                "-X-",
                                "-B-",
                                "-W-",
                                "-F-",
                                "-Y-")
                        .extra("-SI", "192.0.2.1:2525")
                        .spawn(),
                "SMTP on an outside address too");
        assertThrows(
                IllegalArgumentException.class,
                () -> XMAIL.on(shipped)
                        .custom("-SI", "127.0.0.1:" + RealXMail.freePort(), "-P-", "-C-", "-X-", "-B-", "-W-", "-F-")
                        .spawn(),
                "POP3 synchronisation on");
        assertThrows(
                IllegalArgumentException.class,
                () -> XMAIL.on(shipped)
                        .custom("-S-", "-P-", "-C-", "-X-", "-B-", "-W-")
                        .spawn(),
                "finger on every address by default");
    }

    @Test
    void dnsServersOutsideThisMachineBecomeLoopbackInTheCopy() throws IOException {
        Path root = XMAIL.shippedMailRoot("local-dns");
        String tab = "#\"SmartDNSHost\"\t\"192.0.2.1:udp\"\r\n"
                + "\"SmartDNSHost\"\t\"192.0.2.53:udp,[2001:db8::1]:tcp\"\r\n"
                + "\"RootDomain\"\t\"192.0.2.9\"\n";
        Files.writeString(root.resolve("server.tab"), tab, StandardCharsets.US_ASCII);
        Files.writeString(root.resolve("dnsroots"), "a.root-servers.net.\n198.41.0.4\n", StandardCharsets.US_ASCII);
        try (RealXMail.Server xmail = XMAIL.start(root)) {
            assertEquals(
                    tab.replace("192.0.2.53:udp,[2001:db8::1]", "127.0.0.1:udp,127.0.0.1"),
                    Files.readString(xmail.mailRoot().resolve("server.tab"), StandardCharsets.US_ASCII));
            assertEquals(
                    "a.root-servers.net.\n127.0.0.1\n",
                    Files.readString(xmail.mailRoot().resolve("dnsroots"), StandardCharsets.US_ASCII));
            xmail.serverTab("\"SmartDNSHost\"\t\"10.0.0.1\"\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(
                    "\"SmartDNSHost\"\t\"127.0.0.1\"\n",
                    Files.readString(xmail.mailRoot().resolve("server.tab"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aMissingSourceTreeSaysHowToGetOneAndSkipsOrFailsInCi() {
        String missing = XMailImage.missing("0.0");
        assertTrue(
                missing.contains("xmail-0.0.tar.gz")
                        && missing.contains("build.sh")
                        && missing.contains("-Dxmail.source.0.0=DIR"),
                missing);
        assertEquals("", XMailImage.missing("1.27"), "the source tree this build uses");
        RealXMail absent = RealXMail.of("0.0");
        Throwable t = assertThrows(Throwable.class, () -> absent.open("absent"));
        // Outside CI the test is skipped with the how-to; with CI=true it fails with it.
        Class<? extends Throwable> expected =
                Prerequisites.ci() ? AssertionFailedError.class : TestAbortedException.class;
        assertTrue(expected.isInstance(t), t::toString);
        assertTrue(t.getMessage().contains(missing), t::getMessage);
        assertThrows(IllegalStateException.class, () -> absent.shippedMailRoot("none"), "not open, no container");
    }

    /** The local addresses (from /proc/net/tcp and tcp6 of this machine) that listen on any of these ports. */
    private static Set<String> listeners(Set<Integer> ports) throws IOException {
        Set<String> addresses = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String row :
                    Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] f = row.trim().split("\\s+");
                String[] local = f[1].split(":");
                if ("0A".equals(f[3]) && ports.contains(Integer.parseInt(local[1], 16))) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** A /proc/net/tcp address (little-endian words) in its usual form. */
    private static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + i) * 2;
                bytes[word * 4 + 3 - i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean awaitFile(Path dir, String prefix) throws IOException {
        for (int i = 0; i < 100; i++) {
            try (var files = Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith(prefix))) {
                    return true;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
