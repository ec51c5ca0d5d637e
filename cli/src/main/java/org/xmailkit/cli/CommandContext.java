package org.xmailkit.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import org.xmailkit.model.Messages;
import org.xmailkit.model.TerminalStream;

/**
 * What a command runs with: output streams, the language, whether stdout is a terminal, the clock and the working
 * directory. Tests build one over byte arrays.
 *
 * @param out         standard output (bytes)
 * @param err         standard error (bytes)
 * @param textCharset the encoding for human-readable text on {@code out} and {@code err}
 * @param locale      the language of messages
 * @param terminal    whether stdout is an interactive terminal (colour and progress bars only then)
 * @param verbose     whether to print stack traces
 * @param clock       the clock (injectable for tests)
 * @param workingDir  the directory relative paths are resolved against
 */
public record CommandContext(
        OutputStream out,
        OutputStream err,
        Charset textCharset,
        Locale locale,
        boolean terminal,
        boolean verbose,
        Clock clock,
        Path workingDir) {

    /**
     * The CLI's texts, split per command family so each lives beside its command: general and show/vars texts,
     * then audit/explain, migrate, report/demo, remote (ctrl://) servers, probe.
     */
    static final List<Messages> BUNDLES = List.of(
            Messages.of("org.xmailkit.cli.messages", CommandContext.class),
            Messages.of("org.xmailkit.cli.audit", CommandContext.class),
            Messages.of("org.xmailkit.cli.migrate", CommandContext.class),
            Messages.of("org.xmailkit.cli.report", CommandContext.class),
            Messages.of("org.xmailkit.cli.ctrl", CommandContext.class),
            Messages.of("org.xmailkit.cli.probe", CommandContext.class));

    public CommandContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(textCharset, "textCharset");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workingDir, "workingDir");
    }

    /**
     * @return standard output for text, in the text encoding, flushed at every line on a terminal; every control
     *         character printed is shown escaped ({@link TerminalStream})
     */
    public TerminalStream text() {
        return new TerminalStream(out, textCharset, terminal);
    }

    /** @return standard error for text, escaped as {@link #text()} */
    public TerminalStream errors() {
        return new TerminalStream(err, textCharset, true);
    }

    /**
     * @return standard error without escaping, for a progress bar's own control characters only: nothing read from
     *         input may be printed on it
     */
    public PrintStream progress() {
        return new PrintStream(err, true, textCharset);
    }

    /** @return standard output for machine formats (JSON, SARIF, HTML): always UTF-8, flushed as {@link #text()} */
    public PrintStream utf8() {
        return new PrintStream(out, terminal, StandardCharsets.UTF_8);
    }

    /**
     * @param key  a key of the CLI's message bundle
     * @param args values
     * @return the message in the context's language
     */
    public String msg(String key, Object... args) {
        return message(locale, key, args);
    }

    /**
     * @param locale the language
     * @param key    a key of the CLI's message bundles
     * @param args   values
     * @return the message
     * @throws MissingResourceException when no bundle has the key
     */
    public static String message(Locale locale, String key, Object... args) {
        for (Messages m : BUNDLES) {
            if (m.has(locale, key)) {
                return m.get(locale, key, args);
            }
        }
        throw new MissingResourceException("no CLI message " + key, "CommandContext", key);
    }

    /**
     * @param locale another language
     * @return this context with that language
     */
    public CommandContext withLocale(Locale locale) {
        return new CommandContext(out, err, textCharset, locale, terminal, verbose, clock, workingDir);
    }

    /**
     * @param path a path as typed
     * @return it resolved against the working directory
     */
    public Path resolve(String path) {
        return workingDir.resolve(path);
    }
}
