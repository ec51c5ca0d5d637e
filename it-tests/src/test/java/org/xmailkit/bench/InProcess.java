package org.xmailkit.bench;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.xmailkit.cli.Cli;
import org.xmailkit.cli.CommandContext;

/** Runs the command line in this JVM, as the JMH benchmarks measure it. */
final class InProcess {

    private InProcess() {}

    /**
     * @param out  where standard output goes (standard error is thrown away)
     * @param args the command line
     * @return the exit code
     */
    static int run(OutputStream out, String... args) {
        CommandContext ctx = new CommandContext(
                out,
                OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8,
                Locale.ENGLISH,
                false,
                false,
                Clock.systemUTC(),
                Path.of("").toAbsolutePath());
        return new Cli().run(args, ctx).code();
    }
}
