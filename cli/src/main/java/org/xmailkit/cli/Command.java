package org.xmailkit.cli;

import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One {@code xmailkit} sub-command. Its {@code --help} is generated from {@link #options(Locale)}. */
public interface Command {

    /** @return the name typed on the command line, e.g. {@code audit} */
    String name();

    /** @return the operands shown in the usage line, e.g. {@code PATH...} */
    String operands();

    /**
     * @param locale the language for option descriptions
     * @return the command's own options (the common ones are added by {@link Cli})
     */
    Options options(Locale locale);

    /**
     * Runs the command. Throw {@link UsageException} for bad arguments and
     * {@link org.xmailkit.model.InputException} for inputs that cannot be used at all.
     *
     * @param cl  the parsed command line
     * @param ctx where to write, the language, the clock
     * @return the exit code
     * @throws Exception on failure, turned into a one-line error by {@link Cli}
     */
    ExitCode run(CommandLine cl, CommandContext ctx) throws Exception;
}
