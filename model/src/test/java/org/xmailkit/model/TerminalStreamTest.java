package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TerminalStreamTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TerminalStream out = new TerminalStream(bytes, StandardCharsets.UTF_8, false);

    private String printed() {
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyWayOfPrintingEscapes() {
        String evil = "a\u001B[2J\u009B\u202Eb\n";
        out.print(evil);
        out.print((Object) evil);
        out.print(evil.toCharArray());
        out.print('\u001B');
        out.printf("%s|", evil);
        out.append(evil).append('\u0007');
        out.printShowingTabs(evil);
        out.println(evil);
        String shown = "a\\x1B[2J\\x9B\\u202Eb\\x0A";
        assertEquals(
                shown + shown + shown + "\\x1B" + shown + "|" + shown + "\\x07" + shown + shown
                        + System.lineSeparator(),
                printed());
    }

    @Test
    void tabsAreShownOnlyWhenAsked() {
        out.print("\"A\"\t\"B\"");
        out.printShowingTabs("\"A\"\t\"\u001B\"\t");
        out.printShowingTabs("\t日本\t\u202E\t");
        assertEquals("\"A\"\t\"B\"\"A\"<TAB>\"\\x1B\"<TAB><TAB>日本<TAB>\\u202E<TAB>", printed());
    }

    @Property
    void theBytesAreTheEscapedTextEncodedInEveryEncoding(@ForAll String s) {
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("Shift_JIS")}) {
            assertPrintedEscaped(cs, false, s);
            assertPrintedEscaped(cs, true, s);
        }
    }

    @Property(tries = 200)
    void longHostileTextCrossesTheEncodingChunksUnchanged(
            @ForAll
                    @StringLength(min = 4000, max = 20000)
                    @Chars({'a', '\t', '\u001B', '\n', '\u009B', '\u202E', '\u00E9', '\u65E5', '\uD83D', '\uDCE7'})
                    String s) {
        assertPrintedEscaped(StandardCharsets.UTF_8, false, s);
        assertPrintedEscaped(StandardCharsets.UTF_8, true, s);
    }

    @Property(tries = 50)
    void longPlainTextWithTabsIsShownWhole(
            @ForAll @StringLength(min = 4000, max = 20000) @Chars({'a', '\t', ' ', '~'}) String s) {
        assertPrintedEscaped(StandardCharsets.UTF_8, true, s);
    }

    /** Prints the text on a fresh stream and checks its bytes: the escaped text (TABs shown if asked), encoded. */
    private static void assertPrintedEscaped(Charset cs, boolean tabs, String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TerminalStream t = new TerminalStream(b, cs, false);
        if (tabs) {
            t.printShowingTabs(s);
        } else {
            t.print(s);
        }
        t.flush();
        String expected = tabs ? Printable.showingTabs(s) : Printable.of(s);
        assertArrayEquals(expected.getBytes(cs), b.toByteArray(), () -> cs + (tabs ? ", tabs shown: " : ": ") + s);
    }

    @Test
    void lineBreaksComeOnlyFromPrintln() {
        out.println("== /srv/x\n== forged ==");
        out.println(42);
        assertEquals("== /srv/x\\x0A== forged ==" + System.lineSeparator() + "42" + System.lineSeparator(), printed());
    }

    @Test
    void rawIsForTheCallersOwnSequences() {
        out.raw("\u001B[1m");
        out.print("\u001B[0m");
        out.raw("\r");
        assertEquals("\u001B[1m\\x1B[0m\r", printed());
    }

    @Test
    void aStackTraceWithAHostileMessageIsEscapedToo() {
        new IllegalStateException("/srv/\u001B]0;pwned\u0007").printStackTrace(out);
        String trace = printed();
        assertTrue(trace.contains("/srv/\\x1B]0;pwned\\x07"), trace);
        assertFalse(trace.contains("\u001B"), trace);
    }
}
