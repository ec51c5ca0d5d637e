package org.xmailkit.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts about every server.tab variable XMail ever read, as the tests compare the catalogue with them: name,
 * since, removed_in, replaced_by, kind, security and the 1.27 default's value ({@code -} for none). They are a
 * copy, bundled as a test resource ({@value #RESOURCE}), of those columns of the project's research table of
 * server.tab variables ({@code xmail/server-tab-variables.tsv} in the shared research folder next to the
 * repository), each traced there to XMail's source, ChangeLog and documentation; the default's prose is reduced to
 * its leading value by {@link #leadingValue}. {@code VariableFactsTest} checks the copy against the table whenever
 * that folder exists and rewrites it with {@code -Dxmailkit.updateFacts=true}.
 */
public final class VariableFacts {

    /** The class-path resource holding the copy. */
    public static final String RESOURCE = "/facts/server-tab-variables.tsv";
    /** The columns of the copy, in order. */
    public static final List<String> COLUMNS =
            List.of("name", "since", "removed_in", "replaced_by", "kind", "security", "default");
    /** What the copy writes for "no default". */
    public static final String NONE = "-";

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+");
    private static final Pattern QUOTED = Pattern.compile("^\"([^\"]*)\"");

    private VariableFacts() {}

    /** @return the bundled rows, by name, in file order */
    public static Map<String, Map<String, String>> bundled() {
        try (InputStream in = VariableFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the research table in the shared folder next to the repository (system property
     *         {@code xmailkit.shared}), when it exists
     */
    public static Optional<Path> sharedTable() {
        String shared = System.getProperty("xmailkit.shared", "");
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        Path tsv = Path.of(shared, "xmail", "server-tab-variables.tsv");
        return Files.isRegularFile(tsv) ? Optional.of(tsv) : Optional.empty();
    }

    /**
     * The copy's text made from the research table: the columns above, the default reduced to its leading value.
     *
     * @param table the research table's text
     * @return the text of the bundled copy
     */
    public static String copyOf(String table) {
        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split("\t", -1);
        StringBuilder out = new StringBuilder();
        out.append("# Columns of the research table of server.tab variables (xmail/server-tab-variables.tsv in the\n")
                .append("# shared research folder), the 1.27 default reduced to its leading value. Rewrite with\n")
                .append("# -Dxmailkit.updateFacts=true (VariableFactsTest) when the table changes.\n")
                .append(String.join("\t", COLUMNS))
                .append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < f.length ? f[i] : "");
            }
            String value = leadingValue(row.get("default"));
            if (value != null && row.get("values").contains("XMail appends \" (<zone>)\"")) {
                // XMail appends the zone to whatever text it uses, the built-in one included: the written
                // equivalent of the default ends before it.
                value = value.replaceFirst(" \\(<zone>\\)$", "");
            }
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS.subList(0, COLUMNS.size() - 1)) {
                cells.add(row.get(c));
            }
            cells.add(value == null ? NONE : value);
            out.append(String.join("\t", cells)).append('\n');
        }
        return out.toString();
    }

    /**
     * The table's default is prose; its leading value is what counts: a number, a quoted text (after an optional
     * {@code code:} or {@code text} lead-in), a bare word such as {@code MRVZ}, or none (null) for {@code (none)},
     * {@code empty}, {@code absent} and {@code n/a}.
     *
     * @param prose the table's default
     * @return its leading value, or null for none
     */
    public static String leadingValue(String prose) {
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

    private static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> lines =
                text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (!lines.get(0).equals(String.join("\t", COLUMNS))) {
            throw new IllegalStateException(RESOURCE + ": unexpected header " + lines.get(0));
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                row.put(COLUMNS.get(i), i < f.length ? f[i] : "");
            }
            rows.put(row.get("name"), row);
        }
        return rows;
    }
}
