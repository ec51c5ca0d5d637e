package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * A fleet run shows a progress bar on standard error when it is a terminal, and only then: never on standard output,
 * never with {@code --quiet}, never for one server; the output is the same with and without it.
 */
class ProgressTest {

    private static final Pattern COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");

    @TempDir
    Path tmp;

    private Path fleet(int servers) {
        for (int i = 0; i < servers; i++) {
            MailRootFixture.in(tmp.resolve("fleet").resolve("s" + i))
                    .serverTab("\"RootDomain\"\t\"s" + i + ".example.jp\"\n\"SMTP-RARPCheck\"\t\"1\"\n")
                    .write();
        }
        return tmp.resolve("fleet");
    }

    private String[] args(String command, Path fleet, String... extra) {
        List<String> a = new ArrayList<>(List.of(command));
        if (command.equals("report")) {
            a.add("--out");
            a.add(tmp.resolve("site-" + System.nanoTime()).toString());
        }
        a.addAll(List.of(extra));
        a.add(fleet.toString());
        return a.toArray(String[]::new);
    }

    /** The bar redraws its line with a carriage return and names its task. */
    private static boolean bar(String text, String task) {
        return text.indexOf('\r') >= 0 && text.contains(task);
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "migrate", "report"})
    void aFleetOnATerminalShowsABarOnStandardErrorOnly(String command) {
        Path fleet = fleet(3);
        Run shown = Run.in(tmp).clock(Clock.systemUTC()).terminal().run(args(command, fleet));
        assertTrue(bar(shown.err(), command), "a bar on standard error: " + shown.err());
        assertEquals(-1, shown.out().indexOf('\r'), "nothing of the bar on standard output");
        Run plain = Run.in(tmp).clock(Clock.systemUTC()).run(args(command, fleet));
        assertEquals(-1, plain.err().indexOf('\r'), "no bar when standard error is not a terminal: " + plain.err());
        assertEquals(plain.exit(), shown.exit());
        if (!command.equals("report")) {
            // On a terminal the text is coloured; apart from that it is what it is without the bar.
            assertEquals(plain.out(), COLOUR.matcher(shown.out()).replaceAll(""), "the same output with the bar");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "migrate"})
    void quietRunsDrawNoBar(String command) {
        Run r = Run.in(tmp).clock(Clock.systemUTC()).terminal().run(args(command, fleet(3), "--quiet"));
        assertEquals(-1, r.err().indexOf('\r'), r.err());
        assertFalse(bar(r.err(), command), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "migrate", "report"})
    void oneServerDrawsNoBar(String command) {
        Run r = Run.in(tmp).clock(Clock.systemUTC()).terminal().run(args(command, fleet(1)));
        assertEquals(-1, r.err().indexOf('\r'), r.err());
    }
}
