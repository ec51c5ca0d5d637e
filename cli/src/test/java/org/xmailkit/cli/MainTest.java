package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Standard output off a terminal is buffered; standard error still comes after what was printed before it. */
class MainTest {

    @Test
    void standardErrorWritesBufferedStandardOutputFirst() {
        ByteArrayOutputStream both = new ByteArrayOutputStream(); // as with 2>&1 into one file
        OutputStream out = new BufferedOutputStream(both, 1 << 16);
        PrintStream text = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(new Main.OutputFirst(both, out), true, StandardCharsets.UTF_8);

        text.println("first line of the report");
        assertEquals("", both.toString(StandardCharsets.UTF_8), "standard output is held in its buffer");
        errors.println("xmailkit: an error");
        text.println("second line");
        errors.println("xmailkit: another");
        text.flush();

        assertEquals(
                "first line of the report\nxmailkit: an error\nsecond line\nxmailkit: another\n",
                both.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
