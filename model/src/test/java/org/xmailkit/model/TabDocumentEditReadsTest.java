package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An edited document reads as its lines read one by one, whichever edits made it: the lines an edit left as they were
 * keep their reads (renumbered when lines moved) instead of being read again.
 */
class TabDocumentEditReadsTest {

    /** One edit: what it does, at which line (taken modulo the document's size), with which line text. */
    record Edit(String kind, int at, String raw) {

        TabDocument apply(TabDocument d) {
            int size = d.lines().size();
            int line = size == 0 ? 1 : 1 + Math.floorMod(at, size);
            return switch (kind) {
                case "replace" -> size == 0 ? d : d.replaceLine(line, raw);
                case "replaceTwo" -> size == 0 ? d : d.replaceLines(twoLines(line, size, raw));
                case "remove" -> size == 0 ? d : d.removeLines(List.of(line, 1 + Math.floorMod(at * 7, size)));
                case "append" -> d.insertLines(size + 1, List.of(raw, raw));
                default -> d.insertLines(line, List.of(raw));
            };
        }

        private Map<Integer, String> twoLines(int line, int size, String raw) {
            Map<Integer, String> raws = new HashMap<>();
            raws.put(1 + Math.floorMod(at * 3, size), raw + "\t1");
            raws.put(line, raw);
            return raws;
        }
    }

    @Property
    void anEditedDocumentReadsAsItsLinesRead(
            @ForAll("files") String file, @ForAll("edits") List<Edit> edits, @ForAll boolean readBetween) {
        TabDocument d = TabDocument.parse(file.getBytes(StandardCharsets.ISO_8859_1), TabFormat.withBuffer(24, true));
        d.records();
        for (Edit e : edits) {
            d = e.apply(d);
            if (readBetween) {
                d.records();
            }
        }
        List<TabRecord> each = new ArrayList<>();
        for (TabLine line : d.lines()) {
            assertEquals(line.reads(d.format()), d.reads(line.number()), "line " + line.number());
            each.addAll(line.reads(d.format()));
        }
        assertEquals(each, d.records());
    }

    @Test
    void aLineMovedByAnEditKeepsItsTokensUnderItsNewNumber() {
        TabDocument d = TabDocument.parse("\"A\"\t\"1\"\n\"B\"\t\"2\"\n".getBytes(StandardCharsets.ISO_8859_1));
        TabRecord b = d.reads(2).get(0);
        TabDocument edited = d.removeLine(1);
        TabRecord moved = edited.reads(1).get(0);
        assertEquals(1, moved.line());
        assertEquals(b.tokens(), moved.tokens());
        assertEquals("B", edited.dataRecords().get(0).value(0));
    }

    /** Lines short and over the (small) read limit, comments, CR runs and missing final newlines. */
    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> line = Arbitraries.strings().withChars("ab\t\"#\r\\").ofMaxLength(40);
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n");
        return Combinators.combine(line, ending)
                .as(String::concat)
                .list()
                .ofMaxSize(8)
                .map(ls -> String.join("", ls))
                .flatMap(f -> Arbitraries.of(f, f.isEmpty() ? f : f.substring(0, f.length() - 1)));
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> kind = Arbitraries.of("replace", "replaceTwo", "remove", "append", "insert");
        Arbitrary<String> raw = Arbitraries.strings().withChars("ab\t\"#\\").ofMaxLength(30);
        return Combinators.combine(kind, Arbitraries.integers().between(0, 20), raw)
                .as(Edit::new)
                .list()
                .ofMaxSize(5);
    }
}
