package org.xmailkit.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one in-process runner of the CLI for tests (this module's and it-tests'): a terminal-less run over byte
 * arrays, as a process with UTF-8 output and English messages would make it unless told otherwise.
 */
public final class Run {

    /** The clock of a run unless another is given: fixed, so that outputs and certificate dates are stable. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final ExitCode exit;
    private final String out;
    private final String err;
    private final byte[] outBytes;
    private final byte[] errBytes;

    private Run(ExitCode exit, String out, String err, byte[] outBytes, byte[] errBytes) {
        this.exit = exit;
        this.out = out;
        this.err = err;
        this.outBytes = outBytes.clone();
        this.errBytes = errBytes.clone();
    }

    /** @return the exit code */
    public ExitCode exit() {
        return exit;
    }

    /** @return standard output, decoded in the run's text encoding */
    public String out() {
        return out;
    }

    /** @return standard error, decoded likewise */
    public String err() {
        return err;
    }

    /**
     * @param workingDir the directory relative paths are resolved against
     * @param args       the command line
     * @return the run with the defaults (UTF-8, English, {@link #CLOCK}, every command)
     */
    public static Run of(Path workingDir, String... args) {
        return in(workingDir).run(args);
    }

    /**
     * @param args the command line
     * @return the run in the current directory
     */
    public static Run of(String... args) {
        return of(Path.of("").toAbsolutePath(), args);
    }

    /**
     * @param workingDir the directory relative paths are resolved against
     * @return a run to set up further
     */
    public static Setup in(Path workingDir) {
        return new Setup(workingDir);
    }

    /** @return whether stderr looks like a stack trace */
    public boolean traced() {
        return err.contains("\tat ") || err.contains("Exception");
    }

    /** @return the last line of standard output */
    public String lastLine() {
        List<String> lines = out.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** @return standard output as written */
    public byte[] outBytes() {
        return outBytes.clone();
    }

    /** @return standard error as written */
    public byte[] errBytes() {
        return errBytes.clone();
    }

    /** A run being set up: what differs from the defaults. */
    public static final class Setup {

        private final Path workingDir;
        private Charset charset = StandardCharsets.UTF_8;
        private Locale locale = Locale.ENGLISH;
        private Clock clock = CLOCK;
        private Cli cli = new Cli();
        private boolean terminal;

        private Setup(Path workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        }

        /**
         * @param c the text encoding the real entry point would choose
         * @return this setup
         */
        public Setup charset(Charset c) {
            this.charset = Objects.requireNonNull(c, "charset");
            return this;
        }

        /**
         * @param l the default language
         * @return this setup
         */
        public Setup locale(Locale l) {
            this.locale = Objects.requireNonNull(l, "locale");
            return this;
        }

        /**
         * @param c the clock
         * @return this setup
         */
        public Setup clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @param c a CLI with other commands (test rules, an injected write policy)
         * @return this setup
         */
        public Setup cli(Cli c) {
            this.cli = Objects.requireNonNull(c, "cli");
            return this;
        }

        /** @return this setup, running as if standard error were a terminal (progress bars are drawn) */
        public Setup terminal() {
            this.terminal = true;
            return this;
        }

        /**
         * @param args the command line
         * @return the run
         */
        public Run run(String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandContext ctx = new CommandContext(out, err, charset, locale, terminal, false, clock, workingDir);
            ExitCode code = cli.run(args, ctx);
            return new Run(code, out.toString(charset), err.toString(charset), out.toByteArray(), err.toByteArray());
        }
    }
}
