package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Token;
import org.xmailkit.model.testing.Bundles;

/** What every rule of a catalogue must satisfy; returns the problems as {@code ID: what} lines. */
final class CatalogueCheck {

    private static final List<String> TEXTS = List.of("title", "summary", "why", "remediation");
    private static final Pattern KEY = Pattern.compile(
            "rule\\.([A-Z]{3}-\\d{3})\\.(?:title|summary|why|remediation)|msg\\.([A-Z]{3}-\\d{3})\\.[A-Za-z0-9.]+");

    private CatalogueCheck() {}

    static List<String> problems(List<RuleInfo> rules) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Catalog catalog = Catalog.builtin();
        for (RuleInfo r : rules) {
            String id = r.id();
            if (!RuleInfo.ID.matcher(id).matches()) {
                out.add(id + ": id does not match " + RuleInfo.ID.pattern());
            }
            if (!seen.add(id)) {
                out.add(id + ": duplicate id");
            }
            for (String t : TEXTS) {
                String key = "rule." + id + "." + t;
                for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
                    if (!r.texts().has(l, key) || r.texts().get(l, key).isBlank()) {
                        out.add(id + ": no " + l.getLanguage() + " text " + key);
                    }
                }
                if (r.texts().has(Locale.JAPANESE, key)
                        && !Bundles.hasJapanese(r.texts().get(Locale.JAPANESE, key))) {
                    out.add(id + ": the Japanese " + t + " has no Japanese in it");
                }
            }
            if (r.texts().has(Locale.ENGLISH, "rule." + id + ".title") && !titleFine(r.title(Locale.ENGLISH))) {
                out.add(id + ": the title should be capitalised, without a final period: " + r.title(Locale.ENGLISH));
            }
            if (r.texts().has(Locale.ENGLISH, "rule." + id + ".title")
                    && r.title(Locale.ENGLISH).equals(r.title(Locale.JAPANESE))) {
                out.add(id + ": the Japanese title is the English one");
            }
            if (r.references().isEmpty()) {
                out.add(id + ": no reference");
            }
            r.references().stream()
                    .filter(ref -> ref.source().isBlank())
                    .forEach(ref -> out.add(id + ": reference without source"));
            r.references().stream()
                    .filter(ref -> ref.section().isEmpty()
                            && !ref.source().startsWith("CWE-")
                            && ref.url().isEmpty())
                    .forEach(ref -> out.add(id + ": reference without section or link: " + ref));
            for (String line : r.remediationLines()) {
                String p = remediationLineProblem(line, catalog);
                if (p != null) {
                    out.add(id + ": remediation line " + visible(line) + ": " + p);
                }
            }
        }
        return out;
    }

    /**
     * The message keys of the catalogue's bundles: every key of a group's bundle is one of its rules' texts,
     * {@code rule.<ID>.title}, {@code .summary}, {@code .why} and {@code .remediation}, or a finding message of one
     * of them, {@code msg.<ID>.<case>} ({@link RuleInfo#message}), so that each message sits with the rule that
     * uses it.
     *
     * @param rules the catalogue
     * @return the problems, as {@code bundle: key: what} lines
     */
    static List<String> bundleProblems(List<RuleInfo> rules) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.id()));
        for (RuleGroup g : RuleGroup.values()) {
            Messages bundle = Messages.of(g.bundle(), CatalogueCheck.class);
            for (Locale l : Messages.LANGUAGES) {
                for (String key : bundle.bundle(l).keySet()) {
                    Matcher m = KEY.matcher(key);
                    if (!m.matches()) {
                        out.add(g.bundle() + ": " + key + ": neither rule.<ID>.<text> nor msg.<ID>.<case>");
                        continue;
                    }
                    String id = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!ids.contains(id) || !id.startsWith(g.name() + "-")) {
                        out.add(g.bundle() + ": " + key + ": " + id + " is not a " + g.name()
                                + "- rule of the catalogue");
                    }
                }
            }
        }
        return out;
    }

    /** A title has no final period and starts with a capital, or with a file or variable name such as spammers.tab. */
    static boolean titleFine(String title) {
        String t = title.strip();
        String firstWord = t.split("\\s+", 2)[0];
        boolean plainLowerWord = !firstWord.isEmpty() && firstWord.chars().allMatch(Character::isLowerCase);
        return !t.isEmpty() && !t.endsWith(".") && !plainLowerWord;
    }

    /**
     * @return null when fine. A line whose first column names a server.tab variable must be exactly
     *         {@code "Name"<TAB>"Value"}; any other line starting with a quote is a line of another .tab file and
     *         needs TAB-separated, cleanly quoted (or blank-free) columns; anything else is prose.
     */
    static String remediationLineProblem(String line, Catalog catalog) {
        if (line.isBlank()) {
            return "blank";
        }
        String[] pieces = line.split("\t", -1);
        Token first = Token.read(pieces[0], 1);
        boolean serverTab = catalog.find(first.value()).isPresent();
        if (!serverTab && !line.startsWith("\"")) {
            return null;
        }
        if (!line.equals(line.strip())) {
            return "leading or trailing blanks";
        }
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                return "two TABs in a row or a TAB at an end";
            }
            Token t = Token.read(piece, 1);
            boolean clean = t.quoted()
                    ? t.closed() && t.trailing().isEmpty()
                    : piece.chars().noneMatch(Character::isWhitespace);
            if (!clean || (serverTab && !t.quoted())) {
                return "column " + visible(piece)
                        + " is not a cleanly quoted value (is a space used instead of a TAB?)";
            }
        }
        if (serverTab && pieces.length != 2) {
            return "a server.tab line has exactly two columns, \"Name\"<TAB>\"Value\"";
        }
        return null;
    }

    private static String visible(String s) {
        return "[" + s.replace("\t", "<TAB>") + "]";
    }
}
