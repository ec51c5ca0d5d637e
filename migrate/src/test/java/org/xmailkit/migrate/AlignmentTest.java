package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;

/** The alignment known from the edits gives the same line map and a diff that turns the old text into the new. */
class AlignmentTest {

    /** One edit: 0 replace, 1 remove, 2 insert; at a position (taken modulo the document's size); with a text. */
    record Edit(int kind, int at, String text) {}

    @Provide
    Arbitrary<List<String>> lines() {
        // Few distinct texts, so that equal lines (the hard case for a text diff) are common.
        return Arbitraries.of("\"A\"\t\"1\"", "\"B\"\t\"2\"", "# c", "", "\"A\"\t\"1\"")
                .list()
                .ofMinSize(0)
                .ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> e = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.of("\"A\"\t\"1\"", "\"X\"\t\"9\"", "# new"))
                .as(Edit::new);
        return e.list().ofMaxSize(12);
    }

    private static TabDocument doc(List<String> lines) {
        return TabDocument.parse(
                (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.ISO_8859_1));
    }

    private static TabDocument apply(TabDocument d, Edit e) {
        int size = d.lines().size();
        return switch (e.kind()) {
            case 0 -> size == 0 ? d : d.replaceLines(Map.of(e.at() % size + 1, e.text()));
            case 1 -> size == 0 ? d : d.removeLines(List.of(e.at() % size + 1));
            default -> d.insertLines(e.at() % (size + 1) + 1, List.of(e.text()));
        };
    }

    private static List<String> texts(TabDocument d) {
        List<String> out = new ArrayList<>();
        for (TabLine l : d.lines()) {
            out.add(l.raw() + l.ending().text());
        }
        return out;
    }

    @Property
    void theKnownPatchTurnsTheOldLinesIntoTheNew(@ForAll("lines") List<String> lines, @ForAll("edits") List<Edit> edits)
            throws Exception {
        TabDocument before = doc(lines);
        TabDocument after = before;
        for (Edit e : edits) {
            after = apply(after, e);
        }
        Alignment a = Alignment.of(before, after).orElseThrow();
        List<String> old = texts(before);
        List<String> now = texts(after);
        Patch<String> patch = a.patch(old, now);
        assertEquals(now, patch.applyTo(old));
        // Untouched lines are never part of a change: at most one changed line per edit, on either side.
        int changed = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            changed += Math.max(d.getSource().size(), d.getTarget().size());
        }
        assertTrue(changed <= edits.size(), changed + " changed lines from " + edits.size() + " edits");
    }

    @Property
    void aLineKeepsTheNumberOfTheLineItStandsFor(
            @ForAll("lines") List<String> lines, @ForAll("edits") List<Edit> edits) {
        TabDocument before = doc(lines);
        // Tag every original line so that where each line came from can be told by its text.
        Map<Integer, String> tagged = new HashMap<>();
        for (int i = 1; i <= before.lines().size(); i++) {
            tagged.put(i, "L" + i);
        }
        before = before.replaceLines(tagged);
        TabDocument after = before;
        Set<Integer> replaced = new TreeSet<>();
        for (Edit e : edits) {
            after = apply(after, e);
        }
        LineMap map = LineMap.identity(before).next(before, after);
        for (int i = 1; i <= after.lines().size(); i++) {
            String raw = after.line(i).raw();
            int original = map.original(i);
            if (raw.startsWith("L")) {
                assertEquals(Integer.parseInt(raw.substring(1)), original, "line " + i + " " + raw);
            } else if (original != 0) {
                replaced.add(original); // a replaced line keeps the number of the line it replaced
            }
        }
        assertTrue(replaced.size() <= edits.size());
    }

    @Test
    void documentsParsedApartHaveNoKnownAlignment() {
        TabDocument a = doc(List.of("\"A\"\t\"1\""));
        TabDocument b = doc(List.of("\"A\"\t\"1\""));
        assertTrue(Alignment.of(a, b).isEmpty());
        assertEquals(List.of(), UnifiedDiff.of(MailRootFile.SERVER_TAB, "a", "b", a, b, StandardCharsets.ISO_8859_1));
    }
}
