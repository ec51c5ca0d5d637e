package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.json.JsonWriter;
import org.xmailkit.report.json.ProbeJsonWriter;
import org.xmailkit.report.sarif.ProbeSarifWriter;
import org.xmailkit.report.text.ProbeTextWriter;
import org.xmailkit.report.text.TextWriter;

/** The probe in every output: its own JSON, SARIF, text and HTML, and inside the audit's JSON, text and HTML. */
class ProbeWritersTest {

    static final Path PROBE_SCHEMA = Path.of("..", "docs", "schemas", "xmailkit-probe-1.schema.json");
    static final Path AUDIT_SCHEMA = Path.of("..", "docs", "schemas", "xmailkit-audit-1.schema.json");
    static final Path SARIF_SCHEMA =
            Path.of("target", "sarif-schema", "package", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

    @TempDir
    Path tmp;

    private static Set<ValidationMessage> validate(Path schema, JsonNode doc) throws Exception {
        return FleetFixture.validate(Files.newInputStream(schema), SpecVersion.VersionFlag.V202012, doc);
    }

    private JsonNode json(ProbeReport r, Locale l) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProbeJsonWriter(l, "0.1.0-test", Optional.of(Severity.HIGH), FleetFixture.CLOCK).write(r, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void probeJsonValidatesAgainstItsSchemaAndCarriesObservationsFindingsAndWaivers() throws Exception {
        ProbeReport r = ProbeFixture.report(tmp);
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Set<ValidationMessage> errors = validate(PROBE_SCHEMA, json(r, l));
            assertTrue(errors.isEmpty(), errors.toString());
        }
        JsonNode doc = json(r, Locale.ENGLISH);
        assertEquals("xmailkit-probe", doc.get("format").asText());
        assertEquals(ProbeJsonWriter.SCHEMA_VERSION, doc.get("schemaVersion").asText());
        assertEquals(1, doc.get("summary").get("failed").asInt());
        assertTrue(doc.get("summary").get("failOnReached").asBoolean());
        JsonNode host = doc.get("hosts").get(0);
        assertEquals("mail01", host.get("mailRoot").asText());
        JsonNode smtp = host.get("observations").get("endpoints").get(0);
        assertEquals("failed", smtp.get("smtp").get("startTls").get("status").asText());
        assertTrue(smtp.get("smtp").get("relay").get("accepted").asBoolean());
        assertEquals(
                "closed",
                host.get("observations").get("endpoints").get(1).get("state").asText());
        assertTrue(smtp.get("greeting").get(0).asText().contains("\u001B[31m"), "JSON keeps the exact text");
        JsonNode relay = finding(host, "NET-010");
        assertEquals("127.0.0.1:25", relay.get("endpoint").get("display").asText());
        JsonNode banner = finding(host, "NET-001");
        assertTrue(banner.get("suppressed").asBoolean());
        assertEquals("waiverFile", banner.get("suppression").get("kind").asText());
        assertEquals("failed", doc.get("hosts").get(1).get("status").asText());
        ObjectNode broken = (ObjectNode) json(r, Locale.ENGLISH);
        ((ObjectNode) broken.get("hosts")
                        .get(0)
                        .get("observations")
                        .get("endpoints")
                        .get(0))
                .put("state", "maybe");
        assertFalse(validate(PROBE_SCHEMA, broken).isEmpty(), "the schema check can fail");
    }

    private static JsonNode finding(JsonNode host, String rule) {
        for (JsonNode f : host.get("findings")) {
            if (f.get("ruleId").asText().equals(rule)) {
                return f;
            }
        }
        throw new AssertionError(rule + " not in " + host.get("findings"));
    }

    @Test
    void probeSarifValidatesAndPlacesFindingsAtTheirEndpointAndCause() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProbeSarifWriter(Locale.ENGLISH, "0.1.0-test").write(ProbeFixture.report(tmp), out);
        JsonNode log = new ObjectMapper().readTree(out.toByteArray());
        Set<ValidationMessage> errors =
                FleetFixture.validate(Files.newInputStream(SARIF_SCHEMA), SpecVersion.VersionFlag.V7, log);
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode run = log.get("runs").get(0);
        assertEquals(28, run.get("tool").get("driver").get("rules").size());
        assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean(), "one host failed");
        boolean sawLogical = false;
        for (JsonNode res : run.get("results")) {
            JsonNode loc = res.get("locations").get(0);
            assertEquals(
                    "resource", loc.get("logicalLocations").get(0).get("kind").asText());
            sawLogical |= loc.get("logicalLocations")
                    .get(0)
                    .get("fullyQualifiedName")
                    .asText()
                    .equals("smtp://127.0.0.1:25");
            if (res.get("ruleId").asText().equals("NET-001")) {
                assertEquals(
                        "accepted", res.get("suppressions").get(0).get("status").asText());
            }
            if (res.get("ruleId").asText().equals("NET-012")) {
                assertEquals(
                        "mail01",
                        loc.get("physicalLocation")
                                .get("artifactLocation")
                                .get("uri")
                                .asText(),
                        "without ctrl.ipmap.tab the MailRoot itself is the cause");
            }
        }
        assertTrue(sawLogical);
    }

    @Test
    void probeTextShowsEveryEndpointEscapedThenTheFindingsInBothLanguages() throws Exception {
        ProbeReport r = ProbeFixture.report(tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProbeTextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, false, Optional.of(Severity.HIGH))
                .write(r, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("== 127.0.0.1 =="), text);
        assertTrue(text.contains("smtp 127.0.0.1:25  open, XMail 1.27"), text);
        assertTrue(
                text.contains("STARTTLS: 220 Ready to start TLS, then the handshake failed: Remote host "
                        + "terminated the handshake"),
                text);
        assertTrue(text.contains("pop3 127.0.0.1:110  closed (nothing listens)"), text);
        assertTrue(text.contains("relay test: ACCEPTED: open relay from this host"), text);
        assertTrue(text.contains("\\x1B[31mred") && text.contains("\\u202E"), "control characters are shown escaped");
        assertFalse(text.contains("\u001B") || text.contains("\u202E"), "and never printed raw");
        assertTrue(text.contains("NET-010  Open relay from the probing host"), text);
        assertTrue(text.contains("Not testable with this Java runtime: SSLv2 (Java has no SSL 2.0)"), text);
        assertTrue(text.contains("Waived (1)"), text);
        assertTrue(text.contains("unknown host: no-such-host.invalid does not resolve"), text);
        assertTrue(text.contains("--fail-on high: findings at or above high"), text);
        assertTrue(
                text.lines().anyMatch(l -> l.startsWith("Hosts probed: 1, failed: 1. Endpoints: 3 (2 open).")), text);

        ByteArrayOutputStream ja = new ByteArrayOutputStream();
        new ProbeTextWriter(Locale.JAPANESE, StandardCharsets.UTF_8, false, false, Optional.empty()).write(r, ja);
        String jtext = ja.toString(StandardCharsets.UTF_8);
        assertTrue(jtext.contains("中継テスト: 受け付けた"), jtext);
        assertTrue(jtext.contains("プローブ元からのオープンリレー"), jtext);

        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        new ProbeTextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, true, Optional.empty()).write(r, quiet);
        List<String> lines = quiet.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(
                lines.contains("127.0.0.1:25: critical NET-010: smtp 127.0.0.1:25: the server accepted relaying "
                        + "from 127.0.0.1 to an outside domain without authentication (RCPT TO accepted; the session was "
                        + "reset, nothing was sent)."),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("NET-001")), "waived findings are not listed");
    }

    @Test
    void probeHtmlIsOneEscapedPageWithObservationsAndFindings() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProbeHtmlWriter(Locale.ENGLISH, "0.1.0-test", FleetFixture.CLOCK).write(ProbeFixture.report(tmp), out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertTrue(html.contains("<table class=\"probe\">"));
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), "server text is escaped");
        assertFalse(html.contains("<b>bold</b>"));
        assertTrue(html.contains("NET-010"));
        assertTrue(html.contains("Content-Security-Policy"));
        ByteArrayOutputStream ja = new ByteArrayOutputStream();
        new ProbeHtmlWriter(Locale.JAPANESE, "0.1.0-test", FleetFixture.CLOCK).write(ProbeFixture.report(tmp), ja);
        assertTrue(ja.toString(StandardCharsets.UTF_8).contains("通信上で見えるサーバの状態"));
    }

    @Test
    void anAuditWithAProbeCarriesTheObservationsInJsonTextAndHtml() throws Exception {
        FleetResult fleet = ProbeFixture.audited(tmp);
        assertTrue(ProbeFixture.first(fleet).findings().stream()
                .anyMatch(f -> f.rule().id().equals("NET-010")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonWriter(Locale.ENGLISH, "0.1.0-test", Optional.empty(), FleetFixture.CLOCK).write(fleet, out);
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("1.3", doc.get("schemaVersion").asText());
        Set<ValidationMessage> errors = validate(AUDIT_SCHEMA, doc);
        assertTrue(errors.isEmpty(), errors.toString());
        // The probe object follows the probe schema's observations.
        ObjectNode observations = (ObjectNode) new ObjectMapper().readTree(PROBE_SCHEMA.toFile());
        observations.remove("required");
        observations.remove("properties");
        observations.remove("additionalProperties");
        observations.put("$ref", "#/$defs/observations");
        Set<ValidationMessage> probeErrors = FleetFixture.validate(
                new ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(observations)),
                SpecVersion.VersionFlag.V202012,
                doc.get("servers").get(0).get("probe"));
        assertTrue(probeErrors.isEmpty(), probeErrors.toString());

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new TextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, false, Optional.empty()).write(fleet, text);
        String t = text.toString(StandardCharsets.UTF_8);
        assertTrue(t.contains("Probe of 127.0.0.1"), t);
        assertTrue(t.contains("NET-010  Open relay from the probing host"), t);

        ByteArrayOutputStream html = new ByteArrayOutputStream();
        new HtmlAuditWriter(Locale.ENGLISH, "0.1.0-test", FleetFixture.CLOCK).write(fleet, html);
        String h = html.toString(StandardCharsets.UTF_8);
        assertTrue(h.contains("On the wire: 127.0.0.1"), "the server's section shows what the wire showed");
        assertTrue(h.contains("<table class=\"probe\">"));
    }
}
