package org.xmailkit.it;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.xmailkit.cli.Run;

/**
 * Runs the CLI in this JVM, from the modules' classes, with the CLI tests' runner ({@link Run}): what the packaged jar
 * in a container must match.
 */
final class InProcess {

    private InProcess() {}

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
        Run r = Run.in(workingDir)
                .charset(charset)
                .locale(locale)
                .clock(Clock.system(ZoneId.systemDefault()))
                .run(args);
        return new CliRun(r.exit().code(), r.outBytes(), r.errBytes(), List.of());
    }
}
