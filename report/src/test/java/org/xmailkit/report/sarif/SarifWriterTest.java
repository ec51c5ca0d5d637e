package org.xmailkit.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.report.FleetFixture;

class SarifWriterTest {

    /**
     * The official SARIF 2.1.0 schema, fetched at build time into target/ (report/pom.xml, generate-test-resources);
     * it is a third-party file and not committed.
     */
    static final Path SCHEMA = Path.of("target", "sarif-schema", "package", "lib", "schemas", "sarif-2.1.0-rtm.5.json");

    @TempDir
    Path tmp;

    private static JsonNode write(FleetResult fleet, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SarifWriter(locale, "0.1.0-test").write(fleet, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static Set<ValidationMessage> validate(JsonNode doc) throws Exception {
        assertTrue(Files.exists(SCHEMA), "run the build (generate-test-resources) to fetch " + SCHEMA);
        return FleetFixture.validate(Files.newInputStream(SCHEMA), SpecVersion.VersionFlag.V4, doc);
    }

    @Test
    void outputValidatesAgainstTheOfficialSarifSchema() throws Exception {
        FleetResult fleet = FleetFixture.fleet(tmp);
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Set<ValidationMessage> errors = validate(write(fleet, l));
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void theSchemaCheckCanFail() throws Exception {
        ObjectNode doc = (ObjectNode) write(FleetFixture.fleet(tmp), Locale.ENGLISH);
        ((ObjectNode) doc.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(validate(doc).isEmpty());
    }

    @Test
    void rulesCarryHelpSecuritySeverityAndTags() throws Exception {
        JsonNode run =
                write(FleetFixture.fleet(tmp), Locale.ENGLISH).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(6, rules.size());
        JsonNode sec901 = rules.get(0);
        assertEquals("SEC-901", sec901.get("id").asText());
        assertEquals(
                "Variable named Bad", sec901.get("shortDescription").get("text").asText());
        assertTrue(sec901.get("help").get("text").asText().contains("Remove the variable."));
        assertTrue(sec901.get("help").get("markdown").asText().contains("```\n\"BadThing\"\t\"0\"\n```"));
        assertEquals("8.0", sec901.get("properties").get("security-severity").asText());
        assertEquals("error", sec901.get("defaultConfiguration").get("level").asText());
        List<String> tags = new ArrayList<>();
        sec901.get("properties").get("tags").forEach(t -> tags.add(t.asText()));
        assertEquals(List.of("security", "access", "xmail"), tags);
    }

    @Test
    void resultsPointRelativeToTheScanRootWithLineAndSuppressions() throws Exception {
        JsonNode run =
                write(FleetFixture.fleet(tmp), Locale.ENGLISH).get("runs").get(0);
        String base = run.get("originalUriBaseIds").get("SCANROOT").get("uri").asText();
        assertTrue(base.endsWith("/"), base);
        assertEquals(tmp.toAbsolutePath().normalize(), Path.of(URI.create(base)));
        JsonNode results = run.get("results");
        JsonNode first = results.get(0);
        assertEquals("SEC-905", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        JsonNode pl = first.get("locations").get(0).get("physicalLocation");
        assertEquals(
                "fleet/mail01/ctrlaccounts.tab",
                pl.get("artifactLocation").get("uri").asText());
        assertEquals("SCANROOT", pl.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(2, pl.get("region").get("startLine").asInt());

        JsonNode inline = results.get(1);
        assertEquals("inSource", inline.get("suppressions").get(0).get("kind").asText());
        assertEquals("accepted", inline.get("suppressions").get(0).get("status").asText());
        assertEquals(
                "the old webmail reads it",
                inline.get("suppressions").get(0).get("justification").asText());
        assertEquals(
                "BadWebmail",
                inline.get("locations")
                        .get(0)
                        .get("logicalLocations")
                        .get(0)
                        .get("name")
                        .asText());

        JsonNode external = results.get(3);
        assertEquals("CFG-903", external.get("ruleId").asText());
        assertEquals("external", external.get("suppressions").get(0).get("kind").asText());

        JsonNode expired = results.get(5);
        assertEquals(
                "fleet/%E6%9C%AC%E7%A4%BE%20mail/server.tab",
                expired.get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("artifactLocation")
                        .get("uri")
                        .asText());
        assertEquals(
                "fleet/本社 mail/server.tab",
                URI.create(expired.get("locations")
                                .get(0)
                                .get("physicalLocation")
                                .get("artifactLocation")
                                .get("uri")
                                .asText())
                        .getPath());
        assertEquals(
                "rejected", expired.get("suppressions").get(0).get("status").asText());
        assertTrue(
                expired.get("suppressions").get(0).get("justification").asText().contains("2025-01-31"));
        assertEquals(6, results.size());
    }

    @Test
    void failedServersAndNoticesAreToolNotifications() throws Exception {
        JsonNode inv = write(FleetFixture.fleet(tmp), Locale.ENGLISH)
                .get("runs")
                .get(0)
                .get("invocations")
                .get(0);
        assertFalse(inv.get("executionSuccessful").asBoolean());
        JsonNode exec = inv.get("toolExecutionNotifications");
        assertEquals(2, exec.size());
        assertEquals(
                "fleet/broken/server.tab",
                exec.get(0)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("artifactLocation")
                        .get("uri")
                        .asText());
        JsonNode config = inv.get("toolConfigurationNotifications");
        assertEquals("warning", config.get(0).get("level").asText());
        assertTrue(config.get(1).get("message").get("text").asText().startsWith("waivers.txt:3: "));
    }
}
