package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.testing.VariableFacts;

/**
 * Compares the bundled catalogue with the facts about every server.tab variable, row by row: always with the copy
 * bundled as a test resource, and the copy with the research table whenever the shared folder holding it exists.
 */
class VariableFactsTest {

    private static final Map<String, Map<String, String>> ROWS = VariableFacts.bundled();

    @Test
    void normalisingTakesTheLeadingValue() {
        assertEquals(null, VariableFacts.leadingValue("(none): SMTP HELO/EHLO answer 451"));
        assertEquals(null, VariableFacts.leadingValue("empty/absent: reverse-DNS name"));
        assertEquals(null, VariableFacts.leadingValue("n/a (not read in 1.27)"));
        assertEquals("16", VariableFacts.leadingValue("16 (MAX_MTA_OPS)"));
        assertEquals("-1", VariableFacts.leadingValue("-1 (check disabled)"));
        assertEquals(
                "+X-Deliver-To,+Received,To,Cc",
                VariableFacts.leadingValue(
                        "code: \"+X-Deliver-To,+Received,To,Cc\" (docs claim \"+X-Deliver-To,To,Cc\")"));
        assertEquals(
                "504 You are registered as spammer",
                VariableFacts.leadingValue("text \"504 You are registered as spammer\""));
        assertEquals("MRVZ", VariableFacts.leadingValue("MRVZ (1.27pre01+ code); MR in 1.26"));
    }

    @Test
    void everyVariableOfTheFactsIsCatalogued() {
        Catalog catalog = Catalog.builtin();
        List<String> missing = new ArrayList<>();
        for (String name : ROWS.keySet()) {
            if (catalog.all().stream().noneMatch(v -> v.name().equals(name))) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(ROWS.size() > 50, "the bundled facts are all there: " + ROWS.size());
    }

    @Test
    void everyCataloguedXMailVariableIsInTheFacts() {
        for (Variable v : Catalog.builtin().all()) {
            boolean xmail = v.role() == Variable.Role.VARIABLE
                    || v.role() == Variable.Role.REMOVED
                    || v.role() == Variable.Role.PATTERN;
            assertEquals(xmail, ROWS.containsKey(v.name()), v.name());
        }
    }

    @Test
    void rowsAgreeOnNameVersionsReplacementKindSecurityAndDefault() {
        List<String> differences = new ArrayList<>();
        for (Map<String, String> row : ROWS.values()) {
            String name = row.get("name");
            Variable v = Catalog.builtin().get(name);
            compare(differences, name, "since", row.get("since"), v.since());
            compare(differences, name, "removed_in", row.get("removed_in"), v.removedIn());
            compare(differences, name, "replaced_by", row.get("replaced_by"), v.replacedBy());
            compare(differences, name, "kind", row.get("kind"), v.kind().name().toLowerCase(Locale.ROOT));
            compare(
                    differences,
                    name,
                    "security",
                    row.get("security"),
                    v.security().name().toLowerCase(Locale.ROOT));
            String expected = row.get("default");
            compare(
                    differences,
                    name,
                    "default",
                    expected.equals(VariableFacts.NONE) ? "null" : expected,
                    String.valueOf(v.defaultValue()));
            assertEquals(
                    v.role() == Variable.Role.REMOVED, !row.get("removed_in").isEmpty(), name);
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    /**
     * The bundled copy says what the research table says. Checked only when the shared folder with the table exists
     * (it is not part of the repository); {@code -Dxmailkit.updateFacts=true} rewrites the copy from it.
     */
    @Test
    void theBundledCopyMatchesTheResearchTableWhenTheSharedFolderExists() throws IOException {
        Optional<Path> table = VariableFacts.sharedTable();
        if (table.isEmpty()) {
            return;
        }
        String copy = VariableFacts.copyOf(Files.readString(table.get(), StandardCharsets.UTF_8));
        if (Boolean.getBoolean("xmailkit.updateFacts")) {
            Files.writeString(Path.of("src/test/resources" + VariableFacts.RESOURCE), copy, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = VariableFactsTest.class.getResourceAsStream(VariableFacts.RESOURCE)) {
            assertEquals(
                    copy,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the research table changed: rewrite the copy with -Dxmailkit.updateFacts=true and review it");
        }
    }

    private static void compare(List<String> out, String name, String column, String table, String catalogue) {
        if (!table.equals(catalogue)) {
            out.add(name + " " + column + ": facts '" + table + "', catalogue '" + catalogue + "'");
        }
    }
}
