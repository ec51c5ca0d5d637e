package org.xmailkit.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every server.tab name XMail ever read, plus XMailCFG's display names and the localized build's
 * settings, loaded from the {@code catalog.tsv} resource (built from the project's research into XMail's sources).
 */
public final class Catalog {

    /** The columns of {@code catalog.tsv}, in order. */
    public static final List<String> COLUMNS = List.of(
            "name",
            "role",
            "since",
            "removed_in",
            "replaced_by",
            "kind",
            "accessor",
            "default",
            "values",
            "security",
            "secret",
            "alias_of",
            "cfg_section",
            "cfg_order",
            "cfg_shown_as",
            "cfg_label_ja",
            "cfg_label_en",
            "cfg_required",
            "cfg_ui",
            "description_en",
            "description_ja");

    /** Marks "no value" in the {@code default} column; {@code ""} there is the empty string. */
    public static final String NONE = "-";

    /** The XMailCFG page's sections, in page order. */
    public static final List<String> SECTIONS =
            List.of("basic", "gateway", "security", "tls", "errors", "psync", "auth", "localized");

    private static final String PATTERN_PREFIX = "SmtpConfig-";

    private static volatile Catalog builtin;

    private final List<Variable> all;
    private final Map<String, Variable> byName;
    /** The names a misspelling may be meant for (patterns left out), in catalogue order. */
    private final List<Candidate> candidates;

    /** A name to suggest, lower-cased once, with its letter counts for the cheap lower bound. */
    private static final class Candidate {
        private final Variable variable;
        private final String lower;
        private final int[] letters;

        Candidate(Variable variable, String lower, int[] letters) {
            this.variable = variable;
            this.lower = lower;
            this.letters = letters;
        }

        Variable variable() {
            return variable;
        }

        String lower() {
            return lower;
        }

        int[] letters() {
            return letters;
        }
    }

    private Catalog(List<Variable> all) {
        this.all = Collections.unmodifiableList(all);
        Map<String, Variable> m = new HashMap<>();
        for (Variable v : all) {
            if (m.put(v.name(), v) != null) {
                throw new IllegalStateException("duplicate catalogue name " + v.name());
            }
        }
        this.byName = m;
        List<Candidate> c = new ArrayList<>();
        for (Variable v : all) {
            if (v.role() != Variable.Role.PATTERN) {
                String lower = v.name().toLowerCase(Locale.ROOT);
                c.add(new Candidate(v, lower, letters(lower)));
            }
        }
        this.candidates = List.copyOf(c);
    }

    /** @return the catalogue bundled with xmailkit */
    public static Catalog builtin() {
        Catalog c = builtin;
        if (c == null) {
            synchronized (Catalog.class) {
                c = builtin;
                if (c == null) {
                    try (InputStream in = Catalog.class.getResourceAsStream("catalog.tsv")) {
                        if (in == null) {
                            throw new IllegalStateException("catalog.tsv missing from the class path");
                        }
                        c = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtin = c;
                }
            }
        }
        return c;
    }

    /**
     * Reads a catalogue in the {@code catalog.tsv} format: a header row naming {@link #COLUMNS}, then one row per
     * name, UTF-8, TAB-separated, no quoting.
     *
     * @param in the TSV bytes
     * @return the catalogue
     * @throws IOException on read errors
     * @throws IllegalArgumentException on a malformed row (naming its line)
     */
    public static Catalog read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null || !List.of(header.split("\t", -1)).equals(COLUMNS)) {
            throw new IllegalArgumentException("catalog.tsv:1: header must be " + String.join(",", COLUMNS));
        }
        List<Variable> out = new ArrayList<>();
        String row;
        int line = 1;
        while ((row = r.readLine()) != null) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            if (f.length != COLUMNS.size()) {
                throw new IllegalArgumentException(
                        "catalog.tsv:" + line + ": " + f.length + " columns, expected " + COLUMNS.size());
            }
            try {
                out.add(toVariable(f));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("catalog.tsv:" + line + ": " + e.getMessage(), e);
            }
        }
        return new Catalog(out);
    }

    private static Variable toVariable(String[] f) {
        XMailCfgField cfg = null;
        if (!f[12].isEmpty()) {
            cfg = new XMailCfgField(f[12], Integer.parseInt(f[13]), f[14], f[15], f[16], "1".equals(f[17]), f[18]);
            if (!SECTIONS.contains(cfg.section())) {
                throw new IllegalArgumentException("unknown section " + cfg.section());
            }
        }
        String def = NONE.equals(f[7]) ? null : ("\"\"".equals(f[7]) ? "" : f[7]);
        return new Variable(
                f[0],
                Variable.Role.valueOf(f[1]),
                f[2],
                f[3],
                f[4],
                Variable.Kind.valueOf(f[5].toUpperCase(Locale.ROOT)),
                Variable.Accessor.valueOf(f[6].toUpperCase(Locale.ROOT)),
                def,
                f[8],
                Variable.Security.valueOf(f[9].toUpperCase(Locale.ROOT)),
                flag(f[10]),
                f[11],
                cfg,
                f[19],
                f[20]);
    }

    private static boolean flag(String column) {
        if (!column.isEmpty() && !column.equals("1")) {
            throw new IllegalArgumentException("secret must be 1 or empty: " + column);
        }
        return column.equals("1");
    }

    /** @return every entry, in catalogue order */
    public List<Variable> all() {
        return all;
    }

    /**
     * Looks a name up exactly as XMail compares names (case-sensitive). {@code SmtpConfig-<addr>} and
     * {@code SmtpConfig-<addr>,<port>} resolve to their pattern entries.
     *
     * @param name a name from server.tab
     * @return the entry, if the name is catalogued
     */
    public Optional<Variable> find(String name) {
        Variable v = byName.get(name);
        if (v != null) {
            return Optional.of(v);
        }
        if (name.startsWith(PATTERN_PREFIX) && name.length() > PATTERN_PREFIX.length()) {
            String rest = name.substring(PATTERN_PREFIX.length());
            return Optional.ofNullable(byName.get(rest.indexOf(',') >= 0 ? "SmtpConfig-IP,PORT" : "SmtpConfig-IP"));
        }
        return Optional.empty();
    }

    /**
     * @param name a name
     * @return the entry
     * @throws IllegalArgumentException when the name is not catalogued
     */
    public Variable get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("not in the catalogue: " + name));
    }

    /**
     * Suggests the name probably meant by an unknown one: the same name with different case, surrounding white
     * space or a byte order mark, else the closest known name within a small edit distance.
     *
     * @param unknown a name XMail does not read
     * @return the suggested name, if one is close enough
     */
    public Optional<String> suggest(String unknown) {
        String cleaned = unknown;
        if (cleaned.startsWith("\u00EF\u00BB\u00BF")) {
            cleaned = cleaned.substring(3);
        } else if (!cleaned.isEmpty() && cleaned.charAt(0) == '\uFEFF') {
            cleaned = cleaned.substring(1);
        }
        cleaned = cleaned.strip();
        if (cleaned.length() >= 2 && cleaned.startsWith("\"") && cleaned.endsWith("\"")) {
            cleaned = cleaned.substring(1, cleaned.length() - 1);
        }
        Variable exact = byName.get(cleaned);
        if (exact != null && !cleaned.equals(unknown)) {
            return Optional.of(target(exact));
        }
        for (Candidate c : candidates) {
            if (c.variable().name().equalsIgnoreCase(cleaned)) {
                return Optional.of(target(c.variable()));
            }
        }
        // Every name is looked at, but the full distance is computed only for names that could be close enough: one
        // edit changes the length by at most 1 and the letter counts by at most 2, so a file of a million unknown
        // names costs a million cheap comparisons against the catalogue, not a million alignments.
        int allowed = Math.max(1, Math.min(3, cleaned.length() / 5));
        String lower = cleaned.toLowerCase(Locale.ROOT);
        int[] letters = letters(lower);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Candidate c : candidates) {
            if (Math.abs(c.lower().length() - lower.length()) > allowed || apart(letters, c.letters()) > 2 * allowed) {
                continue;
            }
            int d = distance(lower, c.lower());
            if (d < bestDistance) {
                bestDistance = d;
                best = target(c.variable());
            }
        }
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Counts of a-z, 0-9 and everything else: edits change them by at most 2 each. */
    private static int[] letters(String lower) {
        int[] n = new int[37];
        for (int i = 0; i < lower.length(); i++) {
            char ch = lower.charAt(i);
            n[ch >= 'a' && ch <= 'z' ? ch - 'a' : ch >= '0' && ch <= '9' ? 26 + ch - '0' : 36]++;
        }
        return n;
    }

    private static int apart(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d;
    }

    private String target(Variable v) {
        return v.aliasOf().isEmpty() || byName.get(v.aliasOf()) == null ? v.name() : v.aliasOf();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
