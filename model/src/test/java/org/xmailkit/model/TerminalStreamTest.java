package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
        out.println(evil);
        String shown = "a\\x1B[2J\\x9B\\u202Eb\\x0A";
        assertEquals(
                shown + shown + shown + "\\x1B" + shown + "|" + shown + "\\x07" + shown + System.lineSeparator(),
                printed());
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
