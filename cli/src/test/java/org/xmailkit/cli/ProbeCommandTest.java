package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.probe.FakeServer;
import org.xmailkit.audit.probe.ServerTls;
import org.xmailkit.model.XMailPassword;
import org.xmailkit.model.testing.MailRootFixture;

/** {@code xmailkit probe}, {@code audit --probe} and {@code report --probe} against scripted servers on 127.0.0.1. */
class ProbeCommandTest {

    @TempDir
    Path tmp;

    /** The last run: each run starts with empty output. */
    private Run last;

    private ExitCode run(Locale locale, String... args) {
        last = Run.in(tmp).locale(locale).clock(Clock.systemUTC()).run(args);
        return last.exit();
    }

    private ExitCode run(String... args) {
        return run(Locale.ENGLISH, args);
    }

    private String out() {
        return last.out();
    }

    private String err() {
        return last.err();
    }

    /** An SMTP server that drops STARTTLS after "220 Ready", as XMail 1.27 does without a certificate. */
    private static FakeServer noCertificate() throws IOException {
        return FakeServer.smtp()
                .tls(ServerTls.standard(), FakeServer.TlsMode.DROP)
                .start();
    }

    @Test
    void probeShowsTheWireAndItsFindingsAndFailsOnRequest() throws IOException {
        try (FakeServer s = noCertificate()) {
            assertEquals(ExitCode.OK, run("probe", "127.0.0.1:" + s.port(), "--service", "smtp=" + s.port()), err());
            assertTrue(out().contains("smtp 127.0.0.1:" + s.port() + "  open, XMail 1.27"), out());
            assertTrue(out().contains("STARTTLS: 220 Ready to start TLS, then the handshake failed"), out());
            assertTrue(out().contains("NET-002  TLS handshake fails"), out());
            assertEquals(
                    ExitCode.FINDINGS,
                    run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "--fail-on", "high", "--timeout", "5"));
            assertTrue(out().contains("--fail-on high: findings at or above high"), out());
        }
    }

    @Test
    void probeJsonAndSarifAreMachineReadableAndHtmlIsOnePage() throws IOException {
        try (FakeServer s = noCertificate()) {
            assertEquals(ExitCode.OK, run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "-f", "json"));
            JsonNode doc = new ObjectMapper().readTree(last.outBytes());
            assertEquals("xmailkit-probe", doc.get("format").asText());
            assertEquals(1, doc.get("summary").get("open").asInt());
            assertEquals(
                    "failed",
                    doc.get("hosts")
                            .get(0)
                            .get("observations")
                            .get("endpoints")
                            .get(0)
                            .get("smtp")
                            .get("startTls")
                            .get("status")
                            .asText());
            assertEquals(ExitCode.OK, run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "-f", "sarif"));
            JsonNode sarif = new ObjectMapper().readTree(last.outBytes());
            assertEquals("2.1.0", sarif.get("version").asText());
            assertTrue(sarif.get("runs").get(0).get("results").size() > 0);
            assertEquals(ExitCode.OK, run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "-f", "html"));
            assertTrue(out().startsWith("<!DOCTYPE html>"));
            assertTrue(out().contains("<table class=\"probe\">"));
        }
    }

    @Test
    void badArgumentsAreUsageErrorsAndNothingIsContacted() throws IOException {
        try (FakeServer s = noCertificate()) {
            assertEquals(ExitCode.USAGE, run("probe"));
            assertEquals(ExitCode.USAGE, run("probe", "127.0.0.1", "--service", "imap=143"));
            assertTrue(err().contains("unknown service in --service: 'imap=143'"), err());
            assertEquals(ExitCode.USAGE, run("probe", "127.0.0.1", "--service", "smtp=70000"));
            assertEquals(ExitCode.USAGE, run("probe", "127.0.0.1:2525"));
            assertTrue(err().contains("no service is given for port 2525"), err());
            assertEquals(ExitCode.USAGE, run("probe", "127.0.0.1", "127.0.0.2", "--mailroot", "x"));
            assertEquals(ExitCode.USAGE, run("probe", "127.0.0.1", "--timeout", "0"));
            assertEquals(
                    ExitCode.INPUT,
                    run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "--mailroot", "missing"));
            assertEquals(0, s.connections(), "the MailRoot is checked before anything is sent");
        }
    }

    @Test
    void aHostThatDoesNotResolveIsAnInputErrorAloneAndAPartialFailureWithOthers() throws IOException {
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        assertEquals(ExitCode.INPUT, run("probe", "no-such-host.invalid", "--service", "smtp=" + closed, "-q"));
        assertTrue(err().contains("no-such-host.invalid: unknown host"), err());
        assertEquals(
                ExitCode.PARTIAL,
                run("probe", "no-such-host.invalid", "127.0.0.1", "--service", "smtp=" + closed, "-q"));
        assertEquals(ExitCode.OK, run("probe", "127.0.0.1", "--service", "smtp=" + closed));
        assertTrue(out().contains("closed (nothing listens)"), out());
    }

    @Test
    void theMailRootNamesTheCauseAndAWaiverFileMayNameNetRules() throws IOException {
        Path root = MailRootFixture.in(tmp.resolve("mail01"))
                .serverTab("\"RootDomain\"\t\"mail.example.test\"\n")
                .write();
        Files.writeString(tmp.resolve("waivers.txt"), "NET-001 *:* the banner cannot be changed\n");
        try (FakeServer s = noCertificate()) {
            assertEquals(
                    ExitCode.OK,
                    run(
                            Locale.JAPANESE,
                            "probe",
                            "127.0.0.1",
                            "--service",
                            "smtp=" + s.port(),
                            "--mailroot",
                            "mail01",
                            "--waivers",
                            "waivers.txt"),
                    err());
            assertTrue(out().contains("MailRoot に server.cert がありません"), out());
            assertTrue(out().contains("除外済み (1 件)"), out());
            assertTrue(out().contains("原因: mail01"), out());
        }
        assertTrue(Files.exists(root.resolve("server.tab")));
    }

    @Test
    void aPasswordOfTheMailRootThatAServerEchoesIsMaskedInEveryOutput() throws IOException {
        String password = "Kasumi-Tokyo-2025";
        MailRootFixture.in(tmp.resolve("mail03"))
                .serverTab("\"RootDomain\"\t\"mail.example.test\"\n")
                .file(
                        "mailusers.tab",
                        "\"mail.example.test\"\t\"taro\"\t\"" + XMailPassword.encode(password)
                                + "\"\t1\t\"taro\"\t\"U\"\n")
                .write();
        try (FakeServer s = FakeServer.smtp()
                .greeting("220 mail.example.test [XMail 1.27 ESMTP Server] " + password)
                .start()) {
            for (String format : new String[] {"text", "json", "sarif", "html"}) {
                run("probe", "127.0.0.1", "--service", "smtp=" + s.port(), "--mailroot", "mail03", "-f", format);
                assertFalse(out().contains(password), format + ": " + out());
                assertTrue(out().contains("********") || format.equals("sarif"), format);
            }
            run("audit", "mail03", "--probe", "127.0.0.1", "--service", "smtp=" + s.port(), "-f", "json");
            assertFalse(out().contains(password), out());
        }
    }

    @Test
    void auditWithProbeAddsTheWireToTheServersAudit() throws IOException {
        MailRootFixture.in(tmp.resolve("mail02"))
                .serverTab("\"SmtpNoTLSAuths\"\t\"LOGIN\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("two/a"))
                .serverTab("\"RootDomain\"\t\"a.test\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("two/b"))
                .serverTab("\"RootDomain\"\t\"b.test\"\n")
                .write();
        try (FakeServer s = noCertificate()) {
            assertEquals(
                    ExitCode.OK,
                    run("audit", "mail02", "--probe", "127.0.0.1", "--service", "smtp=" + s.port()),
                    err());
            assertTrue(out().contains("Probe of 127.0.0.1"), out());
            assertTrue(out().contains("NET-027  AUTH offered beyond SmtpNoTLSAuths"), out());
            assertTrue(
                    out().contains("mail02/server.tab:1: smtp 127.0.0.1:" + s.port() + ": AUTH PLAIN, CRAM-MD5"),
                    out());
            assertEquals(
                    ExitCode.OK,
                    run("audit", "mail02", "--probe", "127.0.0.1", "--service", "smtp=" + s.port(), "-f", "json"));
            JsonNode doc = new ObjectMapper().readTree(last.outBytes());
            assertEquals("1.3", doc.get("schemaVersion").asText());
            assertEquals(
                    "127.0.0.1",
                    doc.get("servers").get(0).get("probe").get("host").asText());
            assertEquals(ExitCode.USAGE, run("audit", "two", "--probe", "127.0.0.1"));
            assertTrue(err().contains("--probe needs exactly one server"), err());
        }
    }

    @Test
    void reportWithProbeShowsTheWireOnThatServersPage() throws IOException {
        MailRootFixture.in(tmp.resolve("fleet/mail01"))
                .serverTab("\"RootDomain\"\t\"a.test\"\n")
                .write();
        MailRootFixture.in(tmp.resolve("fleet/mail02"))
                .serverTab("\"RootDomain\"\t\"b.test\"\n")
                .write();
        try (FakeServer s = noCertificate()) {
            assertEquals(
                    ExitCode.OK,
                    run(
                            "report",
                            "fleet",
                            "--out",
                            "site",
                            "--probe",
                            "127.0.0.1=fleet/mail02",
                            "--service",
                            "smtp=" + s.port()),
                    err());
            String page = Files.readString(tmp.resolve("site/servers/mail02.html"));
            assertTrue(page.contains("On the wire: 127.0.0.1"), "the probed server's page shows the wire");
            assertTrue(page.contains("NET-002"));
            assertFalse(
                    Files.readString(tmp.resolve("site/servers/mail01.html")).contains("On the wire"));
            assertTrue(Files.readString(tmp.resolve("site/rules.html")).contains("NET-002"));
            assertEquals(ExitCode.USAGE, run("report", "fleet", "--out", "site2", "--probe", "127.0.0.1=elsewhere"));
            assertTrue(err().contains("which is not a MailRoot of this report"), err());
            assertEquals(ExitCode.USAGE, run("report", "fleet", "--out", "site3", "--probe", "127.0.0.1"));
        }
    }

    @Test
    void helpAndExplainKnowTheProbe() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(out().contains("probe"), out());
        assertEquals(ExitCode.OK, run("help", "probe"));
        assertTrue(out().contains("--service NAME[=PORT],..."), out());
        assertTrue(out().contains("--mailroot PATH"), out());
        assertEquals(ExitCode.OK, run("explain", "NET-010"));
        assertTrue(out().contains("Open relay from the probing host"), out());
    }
}
