package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void c0ControlsAndDelAreShownAsHexButTabStays() {
        assertEquals("a\\x1B[2Jb\\x0D\\x0A\\x00\\x7F\tc", Printable.of("a\u001B[2Jb\r\n\u0000\u007F\tc"));
        assertEquals("\\x1B]0;title\\x07", Printable.of("\u001B]0;title\u0007"));
    }

    @Test
    void c1ControlsAreShownAsHexIncludingARawLatin1Byte() {
        assertEquals("\\x9B2J \\x9D0;t\\x9C \\x85 \\x80", Printable.of("\u009B2J \u009D0;t\u009C \u0085 \u0080"));
        String latin1 = new String(new byte[] {'x', (byte) 0x9B, '3', '1', 'm'}, StandardCharsets.ISO_8859_1);
        assertEquals("x\\x9B31m", Printable.of(latin1));
        assertEquals("\u00A0\u00E9", Printable.of("\u00A0\u00E9"), "Latin-1 letters after C1 stay");
    }

    @Test
    void bidiControlsSeparatorsAndTheByteOrderMarkAreShownAsUnicodeEscapes() {
        String all = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u2028\u2029\uFEFF";
        assertEquals(
                "\\u061C\\u200E\\u200F\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069"
                        + "\\u2028\\u2029\\uFEFF",
                Printable.of(all));
        assertEquals("evil\\u202Etxt.exe", Printable.of("evil\u202Etxt.exe"));
    }

    @Test
    void japaneseEmojiAndOrdinaryTextStayAsTheyAre() {
        String text = "ルートドメイン = example.jp \uD83D\uDCE7 \u200D ok";
        assertSame(text, Printable.of(text), "no copy when nothing needs escaping");
        assertEquals("\uD83D\uDCE7\\x1B", Printable.of("\uD83D\uDCE7\u001B"), "a pair stays whole");
    }

    @Test
    void unpairedSurrogatesAreShown() {
        assertEquals("a\\uD800b\\uDC00", Printable.of("a\uD800b\uDC00"));
    }

    @Test
    void pathsAndTabsAndNull() {
        assertEquals("/srv/mail/\\x1B[2J\\x0A== x", Printable.of(Path.of("/srv/mail/\u001B[2J\n== x")));
        assertEquals("\"A\"<TAB>\"\\x1B\"", Printable.showingTabs("\"A\"\t\"\u001B\""));
        assertEquals("null", Printable.of((String) null));
    }

    @Property
    void theResultNeverHoldsAnEscapedCharacterAndEscapingTwiceChangesNothing(@ForAll String s) {
        String once = Printable.of(s);
        for (int i = 0; i < once.length(); i++) {
            char c = once.charAt(i);
            assertFalse(Printable.escaped(c), () -> "U+" + Integer.toHexString(c) + " in " + once);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < once.length() && Character.isLowSurrogate(once.charAt(++i)), once);
            } else {
                assertFalse(Character.isLowSurrogate(c), once);
            }
        }
        assertEquals(once, Printable.of(once));
    }
}
