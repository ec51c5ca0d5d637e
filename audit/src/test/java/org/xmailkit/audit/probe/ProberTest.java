package org.xmailkit.audit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.NetAuditor;
import org.xmailkit.audit.probe.EndpointProbe.State;

/**
 * The probe against scripted servers on 127.0.0.1: what it sees, and what it sends (never a message, never a
 * login).
 */
class ProberTest {

    static final ProbeOptions OPTIONS =
            new ProbeOptions(Duration.ofSeconds(5), Duration.ofSeconds(60), 150, Duration.ZERO, 2, Clock.systemUTC());

    static EndpointProbe probe(Service service, int port) {
        return probe(OPTIONS, service, port);
    }

    static EndpointProbe probe(ProbeOptions options, Service service, int port) {
        HostProbe h = new Prober(options)
                .probe(new Prober.Target("127.0.0.1", List.of(new Endpoint("127.0.0.1", port, service))));
        assertTrue(h.probed(), h.error());
        assertTrue(
                h.source().equals("127.0.0.1")
                        || (h.endpoints().get(0).connections() == 1
                                && !h.endpoints().get(0).open()),
                h.source());
        return h.endpoints().get(0);
    }

    @Test
    void smtpWithStartTlsShowsEveryAnswerAndTheTlsItNegotiates() throws IOException {
        try (FakeServer s = FakeServer.smtp()
                .tls(ServerTls.standard(), FakeServer.TlsMode.OK)
                .start()) {
            EndpointProbe e = probe(Service.SMTP, s.port());
            assertEquals(State.OPEN, e.state());
            assertEquals("XMail 1.27", e.software());
            SmtpFacts f = e.smtp().orElseThrow();
            assertEquals(List.of("LOGIN", "PLAIN", "CRAM-MD5"), f.authBeforeTls());
            assertTrue(f.offers("STARTTLS") && f.offers("VRFY"));
            assertEquals(Upgrade.Status.ESTABLISHED, f.startTls().status());
            assertEquals("220 Ready to start TLS", f.startTls().reply());
            assertEquals(List.of("LOGIN", "PLAIN", "CRAM-MD5"), f.authAfterTls().orElseThrow());
            assertEquals(252, f.vrfyUnknown().orElseThrow().reply().code());
            assertTrue(f.vrfyLikely().orElseThrow().command().equals("VRFY postmaster@mail.example.test"));
            assertEquals(500, f.expn().orElseThrow().reply().code());
            assertEquals(501, f.etrn().orElseThrow().reply().code());
            assertFalse(f.relay().orElseThrow().accepted());
            assertEquals(
                    "550 Relay denied",
                    f.relay().get().rcpt().orElseThrow().reply().first());
            assertEquals(250, f.nullSender().orElseThrow().reply().code());
            assertEquals("", f.ended());

            TlsFacts tls = e.tls().orElseThrow();
            assertTrue(tls.handshake().ok());
            assertEquals("TLSv1.3", tls.handshake().protocol());
            assertTrue(tls.protocol("TLSv1.3").orElseThrow().accepted());
            assertTrue(tls.protocol("TLSv1.2").orElseThrow().accepted());
            assertEquals(
                    ProtocolResult.Result.REFUSED,
                    tls.protocol("TLSv1").orElseThrow().result());
            assertEquals(
                    ProtocolResult.Result.REFUSED,
                    tls.protocol("SSLv3").orElseThrow().result());
            assertTrue(tls.suites().stream()
                    .anyMatch(x -> x.protocol().equals("TLSv1.3") && x.strength() == Strength.STRONG));
            assertTrue(tls.suites(Strength.INSECURE).isEmpty(), tls.suites().toString());
            assertTrue(tls.complete());
            assertEquals(1, tls.chain().size());
            assertEquals(s.connections(), e.connections());
            politeSmtp(s);
        }
    }

    @Test
    void startTlsThatDropsTheConnectionIsAFailedUpgradeWithNothingMoreToLearn() throws IOException {
        try (FakeServer s = FakeServer.smtp()
                .tls(ServerTls.standard(), FakeServer.TlsMode.DROP)
                .start()) {
            EndpointProbe e = probe(Service.SMTP, s.port());
            Upgrade u = e.smtp().orElseThrow().startTls();
            assertEquals(Upgrade.Status.FAILED, u.status());
            assertEquals("220 Ready to start TLS", u.reply());
            TlsFacts tls = e.tls().orElseThrow();
            assertFalse(tls.works());
            assertTrue(tls.protocols().isEmpty(), "no version can be judged without any handshake");
            assertTrue(e.smtp().get().authAfterTls().isEmpty());
            // the conversation, the upgrade, one more try with everything: three connections
            assertEquals(3, s.connections());
            politeSmtp(s);
        }
    }

    @Test
    void noStartTlsAdvertisedMeansNoUpgradeAndNoTlsFacts() throws IOException {
        try (FakeServer s = FakeServer.smtp().ehlo("VRFY", "ETRN", "AUTH LOGIN").start()) {
            EndpointProbe e = probe(Service.SUBMISSION, s.port());
            assertEquals(
                    Upgrade.Status.NOT_OFFERED,
                    e.smtp().orElseThrow().startTls().status());
            assertTrue(e.tls().isEmpty());
            assertEquals(1, s.connections());
            assertFalse(s.received().contains("STARTTLS"));
        }
    }

    @Test
    void answersThatTellAddressesApartAndAnOpenRelayAreRecordedAndTheSessionIsReset() throws IOException {
        try (FakeServer s = FakeServer.smtp()
                .ehlo("VRFY", "ETRN")
                .reply(
                        "VRFY",
                        a -> a.startsWith("postmaster")
                                ? "250 Postmaster <postmaster@mail.example.test>"
                                : "550 String does not match anything")
                .reply("ETRN", a -> "250 Queueing for '" + a + "' has been started")
                .reply("RCPT", a -> "250 OK")
                .reply("MAIL", a -> a.contains("<>") ? "501 Syntax error" : "250 OK")
                .start()) {
            SmtpFacts f = probe(Service.SMTP, s.port()).smtp().orElseThrow();
            assertEquals(550, f.vrfyUnknown().orElseThrow().reply().code());
            assertEquals(250, f.vrfyLikely().orElseThrow().reply().code());
            assertTrue(f.relay().orElseThrow().accepted());
            assertEquals(501, f.nullSender().orElseThrow().reply().code());
            assertEquals(250, f.etrn().orElseThrow().reply().code());
            List<String> lines = s.received();
            int rcpt = indexOf(lines, "RCPT TO:");
            assertEquals("RSET", lines.get(rcpt + 1), "the relay test resets right after RCPT TO");
            assertEquals("MAIL FROM:<xmailkit-probe@example.com>", lines.get(rcpt - 1));
            assertEquals("RCPT TO:<xmailkit-probe@example.net>", lines.get(rcpt));
            politeSmtp(s);
        }
    }

    @Test
    void anImplicitTlsPortSpeakingOnlyLegacyTlsShowsItsVersionsAndSuitesByStrength() throws IOException {
        ServerTls legacy = ServerTls.standard()
                .protocols("TLSv1", "TLSv1.1")
                .suites("TLS_RSA_WITH_AES_128_CBC_SHA", "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "SSL_RSA_WITH_RC4_128_SHA");
        try (FakeServer s = FakeServer.smtp().implicit(legacy).start()) {
            EndpointProbe e = probe(Service.SMTPS, s.port());
            TlsFacts tls = e.tls().orElseThrow();
            assertTrue(tls.implicit());
            assertTrue(tls.handshake().ok(), tls.handshake().error());
            assertEquals("TLSv1.1", tls.handshake().protocol());
            assertEquals(
                    ProtocolResult.Result.REFUSED,
                    tls.protocol("TLSv1.3").orElseThrow().result());
            assertEquals(
                    ProtocolResult.Result.REFUSED,
                    tls.protocol("TLSv1.2").orElseThrow().result());
            assertTrue(tls.protocol("TLSv1.1").orElseThrow().accepted());
            assertTrue(tls.protocol("TLSv1").orElseThrow().accepted());
            List<String> tls10 = tls.suites().stream()
                    .filter(x -> x.protocol().equals("TLSv1"))
                    .map(SuiteResult::suite)
                    .sorted()
                    .toList();
            assertEquals(
                    List.of(
                            "SSL_RSA_WITH_3DES_EDE_CBC_SHA",
                            "SSL_RSA_WITH_RC4_128_SHA",
                            "TLS_RSA_WITH_AES_128_CBC_SHA"),
                    tls10);
            assertEquals(
                    List.of("SSL_RSA_WITH_RC4_128_SHA"),
                    tls.suites(Strength.INSECURE).stream()
                            .map(SuiteResult::suite)
                            .distinct()
                            .toList());
            assertEquals(
                    2,
                    tls.suites(Strength.WEAK).stream()
                            .map(SuiteResult::suite)
                            .distinct()
                            .count());
            // inside TLS the conversation runs as on port 25, and AUTH counts as offered after TLS
            assertEquals(
                    List.of("LOGIN", "PLAIN", "CRAM-MD5"),
                    e.smtp().orElseThrow().authAfterTls().orElseThrow());
            assertTrue(e.smtp().get().authBeforeTls().isEmpty());
            politeSmtp(s, true);
            HostProbe h = new HostProbe(
                    "127.0.0.1", "127.0.0.1", "127.0.0.1", Instant.now(), Duration.ZERO, List.of(e), List.of(), "");
            List<String> ids =
                    NetAuditor.standard().audit(h, Optional.empty(), AuditOptions.defaults()).findings().stream()
                            .map(f -> f.rule().id())
                            .toList();
            assertTrue(ids.containsAll(List.of("NET-014", "NET-015", "NET-016", "NET-017")), ids.toString());
            assertFalse(ids.contains("NET-013"), "SSL 3.0 was not offered by this server");
        }
    }

    @SuppressWarnings("ModifiedButNotUsed") // held keeps the accepted connection open, unanswered
    @Test
    void aClosedPortIsAFactAndAServerThatNeverGreetsIsBoundedByTheTimeout() throws IOException {
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        EndpointProbe e = probe(Service.POP3, closed);
        assertEquals(State.CLOSED, e.state());
        assertEquals(1, e.connections());

        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            t.setDaemon(true);
            t.start();
            ProbeOptions quick = new ProbeOptions(
                    Duration.ofMillis(500), Duration.ofSeconds(10), 10, Duration.ZERO, 1, Clock.systemUTC());
            EndpointProbe quiet = probe(quick, Service.SMTP, silent.getLocalPort());
            assertEquals(State.OPEN, quiet.state());
            assertFalse(quiet.greeting().answered());
            assertEquals("no answer within the time-out", quiet.detail());
        }
    }

    @Test
    void theConnectionBudgetStopsTheScanAndSaysSo() throws IOException {
        try (FakeServer s = FakeServer.smtp()
                .tls(ServerTls.standard(), FakeServer.TlsMode.OK)
                .start()) {
            ProbeOptions tight = new ProbeOptions(
                    Duration.ofSeconds(5), Duration.ofSeconds(60), 4, Duration.ZERO, 1, Clock.systemUTC());
            EndpointProbe e = probe(tight, Service.SMTP, s.port());
            assertEquals(4, s.connections());
            assertTrue(e.limited());
            assertFalse(e.tls().orElseThrow().complete());
            assertTrue(e.tls().get().protocols().stream().anyMatch(p -> p.result() == ProtocolResult.Result.UNTESTED));
        }
    }

    @Test
    void pop3OffersOfUserAndStlsAreReadFromCapaWithoutEverSendingUserOrPass() throws IOException {
        try (FakeServer s = FakeServer.pop3()
                .tls(ServerTls.standard(), FakeServer.TlsMode.OK)
                .start()) {
            EndpointProbe e = probe(Service.POP3, s.port());
            Pop3Facts f = e.pop3().orElseThrow();
            assertTrue(f.capabilities().contains("STLS"));
            assertTrue(f.userBeforeTls());
            assertTrue(f.apop());
            assertEquals(Upgrade.Status.ESTABLISHED, f.stls().status());
            assertFalse(f.capabilitiesAfterTls().orElseThrow().contains("STLS"));
            assertTrue(e.tls().orElseThrow().works());
            for (String line : s.received()) {
                assertFalse(line.startsWith("USER") || line.startsWith("PASS") || line.startsWith("APOP"), line);
            }
            for (List<String> session : s.sessions()) {
                String last = session.isEmpty() ? "" : session.get(session.size() - 1);
                assertTrue(last.equals("QUIT") || last.equals("STLS"), session.toString());
            }
        }
    }

    @Test
    void ctrlIsGreetedAndSwitchedToTlsButNoLoginLineIsEverSent() throws IOException {
        try (FakeServer s = FakeServer.ctrl()
                .tls(ServerTls.standard(), FakeServer.TlsMode.OK)
                .start()) {
            EndpointProbe e = probe(Service.CTRL, s.port());
            CtrlFacts f = e.ctrl().orElseThrow();
            assertEquals(CtrlFacts.Access.ANSWERED, f.access());
            assertEquals(Upgrade.Status.ESTABLISHED, f.tls().status());
            assertEquals("+00000 Ready to start TLS mode", f.tls().reply());
            assertTrue(e.tls().orElseThrow().works());
            for (String line : s.received()) {
                assertEquals("#!TLS", line, "only #!TLS is ever sent to CTRL");
            }
        }
    }

    @Test
    void ctrlThatRefusesTheProbingAddressIsDeniedAndNotAskedForTls() throws IOException {
        try (FakeServer s = FakeServer.ctrl()
                .greeting("-00157 Server does not like Your IP")
                .start()) {
            EndpointProbe e = probe(Service.CTRL, s.port());
            assertEquals(CtrlFacts.Access.DENIED, e.ctrl().orElseThrow().access());
            assertEquals(Upgrade.Status.NOT_TRIED, e.ctrl().get().tls().status());
            assertTrue(s.received().isEmpty());
        }
    }

    @Test
    void implicitCtrlsGreetsInsideTls() throws IOException {
        try (FakeServer s = FakeServer.ctrl().implicit(ServerTls.standard()).start()) {
            EndpointProbe e = probe(Service.CTRLS, s.port());
            assertEquals(CtrlFacts.Access.ANSWERED, e.ctrl().orElseThrow().access());
            assertTrue(e.greeting().first().contains("XMail 1.27 CTRL Server"));
            assertTrue(s.received().isEmpty());
        }
    }

    @Test
    void aHostileGreetingIsCutToSize() throws IOException {
        String huge = "220 " + "x".repeat(100_000);
        try (FakeServer s = FakeServer.smtp().greeting(huge).ehlo().start()) {
            EndpointProbe e = probe(Service.SMTP, s.port());
            assertEquals(Wire.MAX_LINE, e.greeting().first().length());
        }
    }

    @Test
    void anUnknownHostIsReportedNotThrown() {
        HostProbe h = new Prober(OPTIONS)
                .probe(new Prober.Target(
                        "no-such-host.invalid", List.of(new Endpoint("no-such-host.invalid", 25, Service.SMTP))));
        assertFalse(h.probed());
        assertTrue(h.endpoints().isEmpty());
    }

    @Test
    void sslv2IsAlwaysListedAsUntestable() {
        assertTrue(Prober.untested().stream().anyMatch(u -> u.startsWith("SSLv2: ")));
        assertTrue(
                TlsPolicy.testable().containsAll(List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1")),
                "the probe re-enables the old versions for its own connections");
    }

    private static void politeSmtp(FakeServer s) {
        politeSmtp(s, false);
    }

    /**
     * Every SMTP session ends with QUIT, or with a STARTTLS whose handshake failed (on an implicit-TLS port, a failed
     * handshake comes before any command); nothing is ever sent.
     */
    private static void politeSmtp(FakeServer s, boolean implicit) {
        for (List<String> session : s.sessions()) {
            if (implicit && session.isEmpty()) {
                continue;
            }
            assertFalse(session.isEmpty(), "a session without a single command");
            String last = session.get(session.size() - 1);
            assertTrue(last.equals("QUIT") || last.equals("STARTTLS"), session.toString());
            for (String line : session) {
                assertFalse(line.equals("DATA") || line.startsWith("AUTH") || line.startsWith("BDAT"), line);
            }
        }
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(prefix + " not in " + lines);
    }
}
