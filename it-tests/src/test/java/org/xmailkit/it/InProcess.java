package org.xmailkit.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.xmailkit.cli.Cli;
import org.xmailkit.cli.CommandContext;

/** Runs the CLI in this JVM, from the modules' classes: what the packaged jar in a container must match. */
final class InProcess {

    private InProcess() {
    }

    /**
     * @param charset the text encoding the real entry point would choose for the locale
     * @param locale  the default language
     * @param args    the command line
     * @return the outcome
     */
    static CliRun run(Charset charset, Locale locale, String... args) {
        return runIn(Path.of("").toAbsolutePath(), charset, locale, args);
    }

    /**
     * @param workingDir the directory relative paths are resolved against (and output paths shown from)
     * @param charset    the text encoding the real entry point would choose for the locale
     * @param locale     the default language
     * @param args       the command line
     * @return the outcome
     */
    static CliRun runIn(Path workingDir, Charset charset, Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext ctx = new CommandContext(out, err, charset, locale, false, false, Clock.systemDefaultZone(),
                workingDir);
        int code = new Cli().run(args, ctx).code();
        return new CliRun(code, out.toByteArray(), err.toByteArray(), List.of());
    }
}
