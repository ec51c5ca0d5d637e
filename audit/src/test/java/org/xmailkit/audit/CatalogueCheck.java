package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xmailkit.model.Catalog;
import org.xmailkit.model.Token;
import org.xmailkit.model.testing.Bundles;

/** What every rule of a catalogue must satisfy; returns the problems as {@code ID: what} lines. */
final class CatalogueCheck {

    private static final List<String> TEXTS = List.of("title", "summary", "why", "remediation");

    private CatalogueCheck() {
    }

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
                if (r.texts().has(Locale.JAPANESE, key) && !Bundles.hasJapanese(r.texts().get(Locale.JAPANESE, key))) {
                    out.add(id + ": the Japanese " + t + " has no Japanese in it");
                }
            }
            if (r.texts().has(Locale.ENGLISH, "rule." + id + ".title") && !titleFine(r.title(Locale.ENGLISH))) {
                out.add(id + ": the title should be capitalised, without a final period: " + r.title(Locale.ENGLISH));
            }
            if (r.references().isEmpty()) {
                out.add(id + ": no reference");
            }
            r.references().stream().filter(ref -> ref.source().isBlank())
                    .forEach(ref -> out.add(id + ": reference without source"));
            for (String line : r.remediationLines()) {
                String p = remediationLineProblem(line, catalog);
                if (p != null) {
                    out.add(id + ": remediation line " + visible(line) + ": " + p);
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
            boolean clean = t.quoted() ? t.closed() && t.trailing().isEmpty() : piece.chars().noneMatch(Character::isWhitespace);
            if (!clean || serverTab && !t.quoted()) {
                return "column " + visible(piece) + " is not a cleanly quoted value (is a space used instead of a TAB?)";
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
