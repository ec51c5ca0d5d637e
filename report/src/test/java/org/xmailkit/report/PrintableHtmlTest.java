package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.core.HTMLOutputFormat;
import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.Printable;

/** The report's one-pass escaper writes exactly what FreeMarker's HTML escaping makes of {@link Printable}'s text. */
class PrintableHtmlTest {

    /** What the escaper must write: control characters shown by Printable, then HTML-escaped by FreeMarker. */
    private static String twoPasses(String text) throws Exception {
        StringWriter out = new StringWriter();
        HTMLOutputFormat.INSTANCE.output(Printable.of(text), out);
        return out.toString();
    }

    private static String onePass(String text) throws Exception {
        StringWriter out = new StringWriter();
        PrintableHtml.INSTANCE.output(text, out);
        return out.toString();
    }

    @Provide
    Arbitrary<String> hostile() {
        // Markup, quotes, controls, bidirectional controls, separators, BOM, paired and unpaired surrogates, Japanese.
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('<', '>', '&', '"', '\'', '\\', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085'),
                Arbitraries.of('\u061C', '\u200E', '\u202E', '\u2066', '\u2028', '\uFEFF', '\u3042', '\u00E9'),
                Arbitraries.of('\uD83D', '\uDE00', '\uDBFF', '\uDC00'),
                Arbitraries.chars().range(' ', '~'),
                Arbitraries.chars().all());
        return chars.list().ofMaxSize(40).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }

    @Property(tries = 2000)
    void writesWhatTheTwoPassesWrite(@ForAll("hostile") String text) throws Exception {
        assertEquals(twoPasses(text), onePass(text));
        assertEquals(twoPasses(text), PrintableHtml.INSTANCE.escapePlainText(text));
    }

    @Test
    void everyCharacterAloneAndBetweenText() throws Exception {
        for (int c = 0; c <= 0xFFFF; c++) {
            String alone = String.valueOf((char) c);
            assertEquals(twoPasses(alone), onePass(alone), () -> "U+" + Integer.toHexString(alone.charAt(0)));
            String between = "a<" + alone + "\uD83D\uDE00" + alone + "&b";
            assertEquals(twoPasses(between), onePass(between), between);
        }
    }

    @Test
    void showsControlsAndEscapesMarkup() throws Exception {
        assertEquals(
                "&lt;b title=&quot;x&#39;&quot;&gt;\\x1B[2J&amp;\\u202E\tok",
                onePass("<b title=\"x'\">\u001B[2J&\u202E\tok"));
        assertEquals("\\uD83D&lt;\uD83D\uDE00\\uDE00", onePass("\uD83D<\uD83D\uDE00\uDE00"));
    }
}
