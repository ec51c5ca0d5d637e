package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmailkit.audit.testing.TestPki;
import org.xmailkit.it.RealXMail.Service;

/**
 * {@code xmailkit probe} against the real XMail 1.27 (its OpenSSL 3 build) on 127.0.0.1: a MailRoot without
 * certificates, with a valid RSA 2048 chain, an expired certificate, the wrong names, SmtpNoTLSAuths, an open relay,
 * CTRL open and restricted, and a server.cert on disk other than the one served. The probe runs as the packaged jar in
 * a JVM of its own, as a user types it; its JSON is read for the assertions. Every connection goes to 127.0.0.1, the
 * relay test stops at RCPT TO (the spool stays empty), and no login is sent.
 */
class ProbeIT {

    @RegisterExtension
    static final RealXMail XMAIL = RealXMail.of("1.27");

    private static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ MailRoots and servers

    /** The shipped MailRoot, with server.tab lines added and files written. */
    private static Path mailRoot(String name, String serverTabLines, String... files) {
        Path root = XMAIL.shippedMailRoot(name);
        try {
            if (!serverTabLines.isEmpty()) {
                Files.writeString(
                        root.resolve("server.tab"),
                        serverTabLines,
                        StandardCharsets.US_ASCII,
                        StandardOpenOption.APPEND);
            }
            for (int i = 0; i + 1 < files.length; i += 2) {
                Files.writeString(root.resolve(files[i]), files[i + 1], StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** @return server.cert and server.key for a certificate (and the chain after it) */
    private static String[] tls(TestPki.Issued leaf, X509Certificate... chain) {
        List<X509Certificate> all = new ArrayList<>(List.of(leaf.cert()));
        all.addAll(List.of(chain));
        return new String[] {
            "server.cert",
            TestPki.pem(all.toArray(X509Certificate[]::new)),
            "server.key",
            TestPki.traditional(leaf.key())
        };
    }

    /** XMail with a second SMTP listener standing for the submission port. */
    private static RealXMail.Server start(Path root) {
        return XMAIL.on(root).extra("-SI", "127.0.0.1:" + RealXMail.freePort()).start();
    }

    /** @return {@code --service} for all seven services of a server */
    private static String all(RealXMail.Server s) {
        List<Integer> smtp = s.ports().get(Service.SMTP);
        return "smtp=" + smtp.get(0) + ",submission=" + smtp.get(1) + ",smtps=" + s.port(Service.SMTPS)
                + ",pop3=" + s.port(Service.POP3) + ",pop3s=" + s.port(Service.POP3S)
                + ",ctrl=" + s.port(Service.CTRL) + ",ctrls=" + s.port(Service.CTRLS);
    }

    private static Instant now() {
        return Instant.now();
    }

    // ------------------------------------------------------------------ running the probe

    /**
     * Runs the packaged jar in a JVM of its own, as a user does: the probe re-enables the old TLS versions for its own
     * process before any TLS, which a test JVM that has already used TLS could not show.
     */
    private static CliRun cli(Path workingDir, String... args) {
        return inLanguage("en", workingDir, args);
    }

    private static CliRun inLanguage(String lang, Path workingDir, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Release.unpacked().resolve("lib/xmailkit.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar: " + jar);
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--lang", lang));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(workingDir, "probe", ".out");
            Path err = Files.createTempFile(workingDir, "probe", ".err");
            Process p = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("xmailkit did not finish within 5 minutes: " + command);
            }
            return new CliRun(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode probe(RealXMail.Server s, String services, boolean withMailRoot) {
        List<String> args = new ArrayList<>(List.of("probe", "127.0.0.1", "--service", services, "-f", "json"));
        if (withMailRoot) {
            args.addAll(List.of("--mailroot", s.mailRoot().toString()));
        }
        CliRun r = cli(s.mailRoot().getParent(), args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode endpoint(JsonNode doc, String service) {
        for (JsonNode e : doc.get("hosts").get(0).get("observations").get("endpoints")) {
            if (e.get("service").asText().equals(service)) {
                return e;
            }
        }
        throw new AssertionError(service + " not probed");
    }

    private static List<JsonNode> findings(JsonNode doc, String rule) {
        List<JsonNode> out = new ArrayList<>();
        doc.get("hosts").get(0).get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(rule)) {
                out.add(f);
            }
        });
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A version the probe could offer must be refused by XMail's OpenSSL 3; one it could not must say so. */
    private static void refusedOrUntestable(JsonNode doc, JsonNode tls, String version) {
        List<String> untestable = new ArrayList<>();
        doc.get("hosts")
                .get(0)
                .get("observations")
                .get("untestedProtocols")
                .forEach(u -> untestable.add(u.get("protocol").asText()));
        for (JsonNode p : tls.get("protocols")) {
            if (p.get("protocol").asText().equals(version)) {
                assertEquals(
                        untestable.contains(version) ? "untested" : "refused",
                        p.get("result").asText(),
                        version);
                return;
            }
        }
        throw new AssertionError(version + " not in " + tls.get("protocols"));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void withoutCertificatesTlsIsOfferedEverywhereAndNoHandshakeCompletes() {
        try (RealXMail.Server s = start(mailRoot("nocert", ""))) {
            JsonNode doc = probe(s, all(s), true);
            JsonNode smtp = endpoint(doc, "smtp");
            assertEquals("XMail 1.27", smtp.get("software").asText());
            assertTrue(texts(smtp.get("smtp").get("extensions")).contains("STARTTLS"));
            JsonNode startTls = smtp.get("smtp").get("startTls");
            assertEquals("failed", startTls.get("status").asText());
            assertEquals("220 Ready to start TLS", startTls.get("reply").asText());
            assertFalse(smtp.get("tls").get("handshake").get("ok").asBoolean());
            assertEquals(
                    "failed",
                    endpoint(doc, "pop3").get("pop3").get("stls").get("status").asText());
            JsonNode ctrl = endpoint(doc, "ctrl").get("ctrl");
            assertEquals("answered", ctrl.get("access").asText());
            assertEquals(
                    "+00000 Ready to start TLS mode",
                    ctrl.get("tls").get("reply").asText());
            for (String implicit : List.of("smtps", "pop3s", "ctrls")) {
                JsonNode e = endpoint(doc, implicit);
                assertEquals("open", e.get("state").asText(), implicit + ": the listener is up");
                assertFalse(e.get("tls").get("handshake").get("ok").asBoolean(), implicit);
            }
            List<JsonNode> failing = findings(doc, "NET-002");
            assertEquals(7, failing.size(), failing.toString());
            assertTrue(
                    failing.stream()
                            .allMatch(f -> f.get("message").asText().contains("the MailRoot has no server.cert")),
                    failing.toString());
            assertTrue(findings(doc, "NET-002").stream()
                    .anyMatch(f -> f.get("message").asText().contains("close it with -X-")
                            || f.get("message").asText().contains("with -X- if")));
            // The shipped map allows all; CTRL greets, CTRLS cannot be judged without a handshake.
            assertEquals(
                    1, findings(doc, "NET-012").size(), findings(doc, "NET-012").toString());
            assertEquals(
                    "unknown", endpoint(doc, "ctrls").get("ctrl").get("access").asText());
            assertEquals(
                    "ctrl.ipmap.tab",
                    Path.of(findings(doc, "NET-012")
                                    .get(0)
                                    .get("cause")
                                    .get("file")
                                    .asText())
                            .getFileName()
                            .toString());
            assertEquals(2, findings(doc, "NET-006").size(), "AUTH in clear on smtp and submission");
            assertEquals(1, findings(doc, "NET-007").size());
            assertEquals(1, findings(doc, "NET-001").size());
            assertTrue(findings(doc, "NET-010").isEmpty(), "the shipped MailRoot relays for nobody");
            assertTrue(findings(doc, "NET-008").isEmpty(), "VRFY answers 252 Argument not checked");
            assertEquals(
                    "252 Argument not checked",
                    texts(smtp.get("smtp").get("vrfyUnknown").get("reply")).get(0));
        }
    }

    @Test
    void aValidRsa2048ChainNegotiatesTls13AndShowsTheSuitesOpenSsl3AcceptsInEveryFormat() throws IOException {
        TestPki.Chain chain = TestPki.chain("xmailserver.test", now().minus(Duration.ofDays(10)));
        Path root = mailRoot(
                "valid",
                "",
                tls(chain.leaf(), chain.intermediate().cert(), chain.root().cert()));
        try (RealXMail.Server s = start(root)) {
            Path out = Fleets.fresh("probe");
            long t0 = System.nanoTime();
            CliRun text = cli(
                    out,
                    "probe",
                    "127.0.0.1",
                    "--service",
                    all(s),
                    "--mailroot",
                    s.mailRoot().toString());
            Duration seven = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(0, text.exitCode(), text::toString);
            // Kept for the record: what an administrator sees, and how long all seven services took.
            Files.writeString(
                    out.resolve("probe.txt"), text.stdout() + "\n(all seven services: " + seven.toMillis() + " ms)\n");
            assertTrue(text.stdout().contains("STARTTLS: 220 Ready to start TLS, then TLSv1.3"), text.stdout());

            JsonNode doc = probe(s, all(s), true);
            for (String service : List.of("smtp", "submission", "smtps", "pop3", "pop3s", "ctrl", "ctrls")) {
                JsonNode tls = endpoint(doc, service).get("tls");
                assertTrue(tls.get("handshake").get("ok").asBoolean(), service);
                assertEquals("TLSv1.3", tls.get("handshake").get("protocol").asText(), service);
            }
            JsonNode tls = endpoint(doc, "smtp").get("tls");
            assertEquals(3, tls.get("chain").size(), "XMail sends the whole of server.cert");
            assertEquals("RSA", tls.get("chain").get(0).get("keyAlgorithm").asText());
            assertEquals(2048, tls.get("chain").get(0).get("keyBits").asInt());
            refusedOrUntestable(doc, tls, "TLSv1");
            refusedOrUntestable(doc, tls, "TLSv1.1");
            refusedOrUntestable(doc, tls, "SSLv3");
            assertTrue(
                    texts(endpoint(doc, "smtp").get("smtp").get("authAfterTls")).contains("PLAIN"));
            assertEquals(1, findings(doc, "NET-017").size(), "OpenSSL 3 still accepts static RSA suites");
            for (String clean : List.of(
                    "NET-002", "NET-013", "NET-014", "NET-015", "NET-016", "NET-018", "NET-019", "NET-020", "NET-021",
                    "NET-022", "NET-023", "NET-024", "NET-025", "NET-026", "NET-027", "NET-028")) {
                assertTrue(findings(doc, clean).isEmpty(), clean + " " + findings(doc, clean));
            }

            CliRun sarif = cli(out, "probe", "127.0.0.1", "--service", "smtp=" + s.port(Service.SMTP), "-f", "sarif");
            assertEquals(0, sarif.exitCode(), sarif::toString);
            assertEquals("2.1.0", JSON.readTree(sarif.out()).get("version").asText());
            CliRun html = cli(out, "probe", "127.0.0.1", "--service", "smtp=" + s.port(Service.SMTP), "-f", "html");
            assertEquals(0, html.exitCode(), html::toString);
            assertTrue(html.stdout().contains("<table class=\"probe\">"));
            CliRun ja = inLanguage("ja", out, "probe", "127.0.0.1", "--service", "smtp=" + s.port(Service.SMTP));
            assertTrue(ja.stdout().contains("弱い暗号スイート"), ja.stdout());
        }
    }

    @Test
    void anExpiredCertificateIsStillServedAndReported() {
        TestPki.Issued expired = TestPki.cert("xmailserver.test")
                .valid(now().minus(Duration.ofDays(400)), now().minus(Duration.ofDays(35)))
                .issue();
        try (RealXMail.Server s = start(mailRoot("expired", "", tls(expired)))) {
            JsonNode doc = probe(s, "smtp=" + s.port(Service.SMTP), false);
            assertTrue(
                    endpoint(doc, "smtp").get("tls").get("handshake").get("ok").asBoolean());
            assertEquals(1, findings(doc, "NET-018").size());
            assertTrue(findings(doc, "NET-018").get(0).get("message").asText().contains("expired on"));
            assertEquals(1, findings(doc, "NET-024").size(), "and it is self-signed");
        }
    }

    @Test
    void aCertificateForOtherNamesIsTracedToSmtpServerDomain() {
        TestPki.Issued other = TestPki.cert("www.other.test")
                .valid(now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(200)))
                .issue();
        try (RealXMail.Server s = start(mailRoot("names", "", tls(other)))) {
            JsonNode doc = probe(s, "smtp=" + s.port(Service.SMTP), true);
            JsonNode f = findings(doc, "NET-020").get(0);
            assertTrue(f.get("message").asText().contains("does not cover xmailserver.test"), f.toString());
            assertEquals("SmtpServerDomain", f.get("cause").get("variable").asText());
            assertTrue(f.get("cause").get("line").asInt() > 0);
        }
    }

    @Test
    void smtpNoTlsAuthsLimitsCleartextAuthToItsFirstEntryAsXMail127Does() {
        TestPki.Issued cert = TestPki.cert("xmailserver.test")
                .valid(now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(200)))
                .issue();
        Path root = mailRoot("noauths", "\"SmtpNoTLSAuths\"\t\"LOGIN,PLAIN\"\n", tls(cert));
        try (RealXMail.Server s = start(root)) {
            JsonNode doc = probe(s, "smtp=" + s.port(Service.SMTP), true);
            JsonNode smtp = endpoint(doc, "smtp").get("smtp");
            assertEquals(List.of("LOGIN"), texts(smtp.get("authBeforeTls")), "1.27 honours the first entry only");
            assertEquals(List.of("LOGIN", "PLAIN", "CRAM-MD5"), texts(smtp.get("authAfterTls")));
            assertTrue(findings(doc, "NET-006")
                    .get(0)
                    .get("message")
                    .asText()
                    .endsWith("because SmtpNoTLSAuths lists it."));
            assertTrue(findings(doc, "NET-027").isEmpty(), "the wire offers nothing beyond the list");

            s.serverTab(readServerTab(s)
                    .replace("\"SmtpNoTLSAuths\"\t\"LOGIN,PLAIN\"", "\"SmtpNoTLSAuths\"\t\"\"")
                    .getBytes(StandardCharsets.US_ASCII));
            JsonNode none = probe(s, "smtp=" + s.port(Service.SMTP), true);
            assertTrue(texts(endpoint(none, "smtp").get("smtp").get("authBeforeTls"))
                    .isEmpty());
            assertTrue(findings(none, "NET-006").isEmpty());
        }
    }

    @Test
    void anOpenRelayIsFoundWithoutSendingAnythingAndTracedToSmtprelayTab() throws IOException {
        Path root = mailRoot("relay", "", "smtprelay.tab", "\"127.0.0.0\"\t\"255.0.0.0\"\n");
        try (RealXMail.Server s = start(root)) {
            JsonNode doc = probe(s, "smtp=" + s.port(Service.SMTP), true);
            assertTrue(endpoint(doc, "smtp")
                    .get("smtp")
                    .get("relay")
                    .get("accepted")
                    .asBoolean());
            JsonNode f = findings(doc, "NET-010").get(0);
            assertEquals("critical", f.get("severity").asText());
            assertEquals(1, f.get("cause").get("line").asInt());
            try (Stream<Path> spool = Files.walk(s.mailRoot().resolve("spool"))) {
                assertTrue(spool.noneMatch(Files::isRegularFile), "no message reached the spool");
            }
        }
    }

    @Test
    void ctrlRestrictedByItsMapIsDeniedAndAMapTheWireContradictsIsReported() {
        Path restricted = mailRoot("ctrl-deny", "", "ctrl.ipmap.tab", "\"0.0.0.0\"\t\"0.0.0.0\"\t\"DENY\"\t1\n");
        try (RealXMail.Server s = start(restricted)) {
            JsonNode doc = probe(s, "ctrl=" + s.port(Service.CTRL), true);
            JsonNode ctrl = endpoint(doc, "ctrl");
            assertEquals("denied", ctrl.get("ctrl").get("access").asText(), ctrl.toString());
            assertTrue(ctrl.get("greeting").get(0).asText().startsWith("-"), ctrl.toString());
            assertTrue(findings(doc, "NET-012").isEmpty());
        }
        try (RealXMail.Server open = start(mailRoot("ctrl-open", ""))) {
            CliRun r = cli(
                    restricted.getParent(),
                    "probe",
                    "127.0.0.1",
                    "--service",
                    "ctrl=" + open.port(Service.CTRL),
                    "-f",
                    "json",
                    "--mailroot",
                    restricted.toString());
            JsonNode doc = JSON.readTree(r.out());
            assertEquals(1, findings(doc, "NET-026").size(), r.stdout());
            assertTrue(findings(doc, "NET-026").get(0).get("message").asText().contains("ctrl.ipmap.tab line 1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aServerCertOnDiskOtherThanTheOneServedIsReported() {
        TestPki.Issued served = TestPki.cert("xmailserver.test")
                .valid(now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(200)))
                .issue();
        TestPki.Issued onDisk = TestPki.cert("xmailserver.test")
                .key(TestPki.rsa("on-disk"))
                .valid(now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(200)))
                .issue();
        Path other = mailRoot("disk", "", tls(onDisk));
        try (RealXMail.Server s = start(mailRoot("served", "", tls(served)))) {
            CliRun r = cli(
                    other.getParent(),
                    "probe",
                    "127.0.0.1",
                    "--service",
                    "smtp=" + s.port(Service.SMTP),
                    "-f",
                    "json",
                    "--mailroot",
                    other.toString());
            JsonNode doc = JSON.readTree(r.out());
            JsonNode f = findings(doc, "NET-025").get(0);
            assertTrue(f.get("message").asText().contains("is not server.cert's first certificate"), f.toString());
            assertEquals(
                    "server.cert",
                    Path.of(f.get("cause").get("file").asText()).getFileName().toString());
            JsonNode same = probe(s, "smtp=" + s.port(Service.SMTP), true);
            assertTrue(findings(same, "NET-025").isEmpty(), "the server's own MailRoot matches what it serves");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void auditAndReportWithProbeCarryTheWireIntoTheServersAuditAndPage() throws IOException {
        try (RealXMail.Server s = start(mailRoot("joined", ""))) {
            Path wd = s.mailRoot().getParent();
            CliRun audit = cli(
                    wd,
                    "audit",
                    s.mailRoot().toString(),
                    "--probe",
                    "127.0.0.1",
                    "--service",
                    "smtp=" + s.port(Service.SMTP),
                    "-f",
                    "json");
            JsonNode doc = JSON.readTree(audit.out());
            JsonNode server = doc.get("servers").get(0);
            assertEquals("127.0.0.1", server.get("probe").get("host").asText());
            List<String> ids = new ArrayList<>();
            server.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
            assertTrue(ids.contains("NET-002") && ids.contains("TLS-004"), "the wire and the files agree: " + ids);
            CliRun report = cli(
                    wd,
                    "report",
                    s.mailRoot().toString(),
                    "--out",
                    "site",
                    "--probe",
                    "127.0.0.1=" + s.mailRoot(),
                    "--service",
                    "smtp=" + s.port(Service.SMTP));
            assertEquals(0, report.exitCode(), report::toString);
            try (Stream<Path> pages = Files.list(wd.resolve("site/servers"))) {
                String page = Files.readString(pages.findFirst().orElseThrow());
                assertTrue(page.contains("On the wire: 127.0.0.1"));
            }
        }
    }

    private static String readServerTab(RealXMail.Server s) {
        try {
            return Files.readString(s.mailRoot().resolve("server.tab"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
