package org.xmailkit.cli;

import java.io.Console;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

/** The process entry point: builds the context from the real environment and exits with the command's code. */
public final class Main {

    private Main() {}

    /** @param args the command line */
    @SuppressWarnings("SystemConsoleNull") // Java 17: console() is null exactly when no terminal is attached
    public static void main(String[] args) {
        Console console = System.console();
        CommandContext ctx = new CommandContext(
                System.out,
                System.err,
                consoleCharset(),
                Locale.getDefault(),
                console != null,
                false,
                Clock.system(ZoneId.systemDefault()),
                Path.of("").toAbsolutePath());
        ExitCode code = new Cli().run(args, ctx);
        System.out.flush();
        System.exit(code.code());
    }

    /**
     * The encoding for human-readable output: the console's (as the JVM reports it) unless that is plain ASCII
     * (LANG=C), where Japanese text would turn into question marks; then UTF-8.
     */
    static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                Charset cs = Charset.forName(name);
                return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
