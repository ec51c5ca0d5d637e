package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the bundled catalogue with the project's research table of server.tab variables, row by row, when that
 * table is available (system property {@code xmailkit.shared}); skipped otherwise.
 */
class SharedVariablesTsvTest {

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+");
    private static final Pattern QUOTED = Pattern.compile("^\"([^\"]*)\"");
    private static Map<String, Map<String, String>> rows;

    @BeforeAll
    static void load() throws IOException {
        String shared = System.getProperty("xmailkit.shared");
        Path tsv = shared == null ? null : Path.of(shared, "xmail", "server-tab-variables.tsv");
        assumeTrue(tsv != null && Files.isRegularFile(tsv), "shared research table not available");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split("\t", -1);
        rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < f.length ? f[i] : "");
            }
            rows.put(row.get("name"), row);
        }
    }

    /**
     * The table's default is prose; its leading value is what counts: a number, a quoted text (after an optional
     * {@code code:} or {@code text} lead-in), a bare word such as {@code MRVZ}, or "none" for {@code (none)},
     * {@code empty}, {@code absent} and {@code n/a}.
     */
    static String normaliseDefault(String prose) {
        String p = prose.strip();
        for (String none : List.of("(none)", "empty", "absent", "n/a")) {
            if (p.startsWith(none)) {
                return null;
            }
        }
        if (p.startsWith("code:")) {
            p = p.substring("code:".length()).strip();
        } else if (p.startsWith("text ")) {
            p = p.substring("text ".length()).strip();
        }
        Matcher q = QUOTED.matcher(p);
        if (q.find()) {
            return q.group(1);
        }
        Matcher n = NUMBER.matcher(p);
        if (n.find()) {
            return n.group();
        }
        int end = 0;
        while (end < p.length() && !Character.isWhitespace(p.charAt(end)) && p.charAt(end) != ';') {
            end++;
        }
        return p.substring(0, end);
    }

    @Test
    void normalisingTakesTheLeadingValue() {
        assertEquals(null, normaliseDefault("(none): SMTP HELO/EHLO answer 451"));
        assertEquals(null, normaliseDefault("empty/absent: reverse-DNS name"));
        assertEquals(null, normaliseDefault("n/a (not read in 1.27)"));
        assertEquals("16", normaliseDefault("16 (MAX_MTA_OPS)"));
        assertEquals("-1", normaliseDefault("-1 (check disabled)"));
        assertEquals("+X-Deliver-To,+Received,To,Cc",
                normaliseDefault("code: \"+X-Deliver-To,+Received,To,Cc\" (docs claim \"+X-Deliver-To,To,Cc\")"));
        assertEquals("504 You are registered as spammer", normaliseDefault("text \"504 You are registered as spammer\""));
        assertEquals("MRVZ", normaliseDefault("MRVZ (1.27pre01+ code); MR in 1.26"));
    }

    @Test
    void everyVariableOfTheTableIsCatalogued() {
        Catalog catalog = Catalog.builtin();
        List<String> missing = new ArrayList<>();
        for (String name : rows.keySet()) {
            if (catalog.all().stream().noneMatch(v -> v.name().equals(name))) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCataloguedXMailVariableIsInTheTable() {
        for (Variable v : Catalog.builtin().all()) {
            boolean xmail = v.role() == Variable.Role.VARIABLE || v.role() == Variable.Role.REMOVED
                    || v.role() == Variable.Role.PATTERN;
            assertEquals(xmail, rows.containsKey(v.name()), v.name());
        }
    }

    @Test
    void rowsAgreeOnNameVersionsReplacementKindSecurityAndDefault() {
        List<String> differences = new ArrayList<>();
        for (Map<String, String> row : rows.values()) {
            String name = row.get("name");
            Variable v = Catalog.builtin().get(name);
            compare(differences, name, "since", row.get("since"), v.since());
            compare(differences, name, "removed_in", row.get("removed_in"), v.removedIn());
            compare(differences, name, "replaced_by", row.get("replaced_by"), v.replacedBy());
            compare(differences, name, "kind", row.get("kind"), v.kind().name().toLowerCase(Locale.ROOT));
            compare(differences, name, "security", row.get("security"), v.security().name().toLowerCase(Locale.ROOT));
            String expected = normaliseDefault(row.get("default"));
            if (expected != null && row.get("values").contains("XMail appends \" (<zone>)\"")) {
                // XMail appends the zone to whatever text it uses, the built-in one included: the written
                // equivalent of the default ends before it.
                expected = expected.replaceFirst(" \\(<zone>\\)$", "");
            }
            compare(differences, name, "default", String.valueOf(expected), String.valueOf(v.defaultValue()));
            assertEquals(v.role() == Variable.Role.REMOVED, !row.get("removed_in").isEmpty(), name);
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    private static void compare(List<String> out, String name, String column, String table, String catalogue) {
        if (!table.equals(catalogue)) {
            out.add(name + " " + column + ": table '" + table + "', catalogue '" + catalogue + "'");
        }
    }
}
