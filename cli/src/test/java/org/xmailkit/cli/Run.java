package org.xmailkit.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Runs the CLI in-process over byte arrays, as a terminal-less process with UTF-8 output would. */
record Run(ExitCode exit, String out, String err) {

    static Run of(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandContext ctx = new CommandContext(out, err, StandardCharsets.UTF_8, Locale.ENGLISH, false, false,
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), workingDir);
        ExitCode code = new Cli().run(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run of(String... args) {
        return of(Path.of("").toAbsolutePath(), args);
    }

    /** @return whether stderr looks like a stack trace */
    boolean traced() {
        return err.contains("\tat ") || err.contains("Exception");
    }
}
