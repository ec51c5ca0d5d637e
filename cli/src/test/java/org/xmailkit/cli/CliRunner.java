package org.xmailkit.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Runs the CLI in-process over byte arrays. */
final class CliRunner {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExitCode code;

    static CliRunner run(Path workingDir, String... args) {
        return run(workingDir, Clock.systemUTC(), args);
    }

    static CliRunner run(Path workingDir, Clock clock, String... args) {
        return run(workingDir, clock, false, args);
    }

    /** Runs as if standard error were a terminal (progress bars are drawn). */
    static CliRunner onTerminal(Path workingDir, String... args) {
        return run(workingDir, Clock.systemUTC(), true, args);
    }

    private static CliRunner run(Path workingDir, Clock clock, boolean terminal, String... args) {
        CliRunner r = new CliRunner();
        CommandContext ctx = new CommandContext(r.out, r.err, StandardCharsets.UTF_8, Locale.ENGLISH, terminal, false,
                clock, workingDir);
        r.code = new Cli().run(args, ctx);
        return r;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    String lastLine() {
        String[] lines = out().strip().split("\r?\n");
        return lines[lines.length - 1];
    }
}
