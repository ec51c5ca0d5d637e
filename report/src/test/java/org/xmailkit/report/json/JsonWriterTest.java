package org.xmailkit.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.Severity;
import org.xmailkit.report.FleetFixture;

class JsonWriterTest {

    /** The committed schema; tests run in the report module's directory. */
    static final Path SCHEMA = Path.of("..", "docs", "schemas", "xmailkit-audit-1.schema.json");

    @TempDir
    Path tmp;

    private JsonNode write(FleetResult fleet, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonWriter(locale, "0.1.0-test", Optional.of(Severity.HIGH), FleetFixture.CLOCK).write(fleet, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static Set<ValidationMessage> validate(JsonNode doc) throws Exception {
        return FleetFixture.validate(Files.newInputStream(SCHEMA), SpecVersion.VersionFlag.V202012, doc);
    }

    @Test
    void outputValidatesAgainstTheCommittedSchemaInBothLanguages() throws Exception {
        FleetResult fleet = FleetFixture.fleet(tmp);
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Set<ValidationMessage> errors = validate(write(fleet, l));
            assertTrue(errors.isEmpty(), errors.toString());
        }
    }

    @Test
    void schemaRejectsADocumentWithAnUnknownFieldOrABadSeverity() throws Exception {
        ObjectNode doc = (ObjectNode) write(FleetFixture.fleet(tmp), Locale.ENGLISH);
        doc.put("surprise", 1);
        assertFalse(validate(doc).isEmpty());
        ObjectNode again = (ObjectNode) write(FleetFixture.fleet(tmp.resolve("2")), Locale.ENGLISH);
        ((ObjectNode) again.get("servers").get(0).get("findings").get(0)).put("severity", "urgent");
        assertFalse(validate(again).isEmpty());
    }

    @Test
    void schemaEnumsMatchTheEngine() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
        List<String> categories = new ArrayList<>();
        schema.get("$defs").get("category").get("enum").forEach(n -> categories.add(n.asText()));
        assertEquals(List.of(Category.values()).stream().map(Category::id).toList(), categories);
        List<String> severities = new ArrayList<>();
        schema.get("$defs").get("severity").get("enum").forEach(n -> severities.add(n.asText()));
        assertEquals(List.of(Severity.values()).stream().map(Severity::id).toList(), severities);
    }

    @Test
    void documentCarriesVersionSummaryRelativePathsSuppressionsAndFailedServers() throws Exception {
        JsonNode doc = write(FleetFixture.fleet(tmp), Locale.ENGLISH);
        assertEquals("xmailkit-audit", doc.get("format").asText());
        assertEquals(JsonWriter.SCHEMA_VERSION, doc.get("schemaVersion").asText());
        assertEquals("2025-03-01T09:00:00Z", doc.get("generatedAt").asText());
        JsonNode summary = doc.get("summary");
        assertEquals(4, summary.get("servers").asInt());
        assertEquals(2, summary.get("failed").asInt());
        assertTrue(summary.get("incomplete").asBoolean());
        assertTrue(summary.get("failOnReached").asBoolean());

        JsonNode mail01 = doc.get("servers").get(0);
        assertEquals("fleet/mail01", mail01.get("path").asText());
        List<String> where = new ArrayList<>();
        mail01.get("findings")
                .forEach(f -> where.add(f.get("ruleId").asText() + " "
                        + f.get("location").get("file").asText() + ":"
                        + f.get("location").get("line").asInt() + " "
                        + f.get("suppressed").asBoolean()));
        assertEquals(
                List.of(
                        "SEC-905 fleet/mail01/ctrlaccounts.tab:2 false",
                        "SEC-901 fleet/mail01/server.tab:3 true",
                        "SEC-901 fleet/mail01/server.tab:4 false",
                        "CFG-903 fleet/mail01/smtprelay.tab:1 true",
                        "CFG-903 fleet/mail01/smtprelay.tab:2 true"),
                where);
        JsonNode inline = mail01.get("findings").get(1).get("suppression");
        assertEquals("inline", inline.get("kind").asText());
        assertEquals("the old webmail reads it", inline.get("reason").asText());
        assertEquals("server.tab:2", inline.get("source").asText());
        assertEquals(
                "\"BadTab\"\t\"a\tb\"",
                mail01.get("findings").get(2).get("evidence").get(0).asText(),
                "TABs kept");
        assertEquals(1, mail01.get("notices").size(), "the inline waiver in ctrlaccounts.tab");
        assertEquals(
                "fleet/mail01/ctrlaccounts.tab",
                mail01.get("notices").get(0).get("file").asText());

        JsonNode honsha = doc.get("servers").get(1);
        assertEquals("fleet/本社 mail", honsha.get("path").asText());
        JsonNode expired = honsha.get("findings").get(0);
        assertFalse(expired.get("suppressed").asBoolean());
        assertTrue(expired.get("suppression").get("expired").asBoolean());
        assertEquals("2025-01-31", expired.get("suppression").get("expires").asText());

        JsonNode broken = doc.get("servers").get(2);
        assertEquals("failed", broken.get("status").asText());
        assertEquals("input", broken.get("error").get("kind").asText());
        assertEquals("fleet/broken/server.tab", broken.get("error").get("file").asText());
        assertEquals(
                "internal", doc.get("servers").get(3).get("error").get("kind").asText());

        assertEquals(
                "waivers.txt:3", doc.get("unusedWaivers").get(0).get("source").asText());
        assertEquals(6, doc.get("rules").size());
    }

    @Test
    void japaneseOutputHasJapaneseTitles() throws Exception {
        JsonNode doc = write(FleetFixture.fleet(tmp), Locale.JAPANESE);
        assertEquals("ja", doc.get("language").asText());
        assertEquals(
                "管理アカウント",
                doc.get("servers").get(0).get("findings").get(0).get("title").asText());
    }
}
