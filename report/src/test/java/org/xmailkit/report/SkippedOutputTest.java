package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.model.InputException;
import org.xmailkit.report.json.JsonWriter;
import org.xmailkit.report.sarif.SarifWriter;
import org.xmailkit.report.text.TextWriter;

/** What the search for servers skipped is in every output format, in both languages, for every reason. */
class SkippedOutputTest {

    @TempDir
    Path tmp;

    private FleetResult fleet() throws Exception {
        FleetResult f = FleetFixture.fleet(tmp);
        Path root = f.scanRoot();
        return f.withSkipped(List.of(
                new InputException(
                        root.resolve("fleet/locked"), 0, InputException.Reason.UNREADABLE, "permission denied"),
                new InputException(root.resolve("fleet/a/b/c"), 0, InputException.Reason.TOO_DEEP, "12"),
                new InputException(
                        root.resolve("fleet/x/server.tab"),
                        0,
                        InputException.Reason.LINK_OUTSIDE,
                        root.resolve("fleet").toString())));
    }

    private static String render(AuditWriter w, FleetResult f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(f, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFormatNamesEverySkippedPlaceAndCallsTheRunIncomplete() throws Exception {
        FleetResult f = fleet();
        assertTrue(f.incomplete());
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            String text = render(new TextWriter(l, StandardCharsets.UTF_8, false, false, Optional.empty()), f);
            String json = render(new JsonWriter(l, "0.1.0-test", Optional.empty(), FleetFixture.CLOCK), f);
            String sarif = render(new SarifWriter(l, "0.1.0-test"), f);
            String html = render(new HtmlAuditWriter(l, "0.1.0-test", FleetFixture.CLOCK), f);
            for (InputException e : f.skipped()) {
                String line = OutputTexts.oneLine(f, e, l);
                assertTrue(text.contains(line), l + " text: " + line);
                assertTrue(html.contains(line), l + " html: " + line);
                assertTrue(sarif.contains(OutputTexts.bareMessage(e, l)), l + " sarif: " + line);
                assertTrue(json.contains(OutputTexts.bareMessage(e, l)), l + " json: " + line);
            }
            assertTrue(text.contains(l.equals(Locale.JAPANESE) ? "検索できなかった場所 (3)" : "Not searched (3)"), text);
            assertTrue(html.contains(l.equals(Locale.JAPANESE) ? "検索できなかった場所 (3)" : "Not searched (3)"));
            JsonNode doc = new ObjectMapper().readTree(json);
            assertTrue(doc.get("summary").get("incomplete").asBoolean());
            assertEquals(
                    List.of("unreadable", "tooDeep", "linkOutside"),
                    List.of(
                            doc.get("skipped").get(0).get("reason").asText(),
                            doc.get("skipped").get(1).get("reason").asText(),
                            doc.get("skipped").get(2).get("reason").asText()));
            assertEquals("fleet/a/b/c", doc.get("skipped").get(1).get("path").asText());
            assertTrue(FleetFixture.validate(
                            Files.newInputStream(Path.of("..", "docs", "schemas", "xmailkit-audit-1.schema.json")),
                            SpecVersion.VersionFlag.V202012,
                            doc)
                    .isEmpty());
            JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
            assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
        }
    }

    @Test
    void nothingSkippedMeansNoSection() throws Exception {
        FleetResult f = FleetFixture.fleet(tmp);
        String text = render(new TextWriter(Locale.ENGLISH, StandardCharsets.UTF_8, false, false, Optional.empty()), f);
        assertFalse(text.contains("Not searched"));
        String html = render(new HtmlAuditWriter(Locale.ENGLISH, "0.1.0-test", FleetFixture.CLOCK), f);
        assertFalse(html.contains("skipped-h"));
        JsonNode doc = new ObjectMapper()
                .readTree(
                        render(new JsonWriter(Locale.ENGLISH, "0.1.0-test", Optional.empty(), FleetFixture.CLOCK), f));
        assertEquals(0, doc.get("skipped").size());
    }
}
