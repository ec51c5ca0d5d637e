package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.model.InputException;

/**
 * Small helpers to declare options (described in the user's language) and to read their values strictly: an unknown
 * value is a usage error, never a silent default.
 */
public final class Args {

    /** The options that give XMail's own command line. */
    static final List<String> STARTUP_OPTIONS = List.of("cmdline", "registry", "service-file");

    private Args() {}

    /**
     * @param shortName the one-letter name, or null
     * @param longName  the long name
     * @param argName   the value's name in {@code --help}
     * @param locale    the language of the description
     * @param key       the description's message key
     * @return an option that takes a value
     */
    static Option valued(String shortName, String longName, String argName, Locale locale, String key) {
        return Option.builder(shortName)
                .longOpt(longName)
                .hasArg()
                .argName(argName)
                .desc(CommandContext.message(locale, key))
                .get();
    }

    /**
     * @param shortName the one-letter name, or null
     * @param longName  the long name
     * @param locale    the language of the description
     * @param key       the description's message key
     * @return an option without a value
     */
    static Option flag(String shortName, String longName, Locale locale, String key) {
        return Option.builder(shortName)
                .longOpt(longName)
                .desc(CommandContext.message(locale, key))
                .get();
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @param min the fewest operands allowed
     * @return the operands as paths resolved against the working directory
     * @throws UsageException when there are fewer than {@code min}
     */
    public static List<Path> paths(CommandLine cl, CommandContext ctx, int min) throws UsageException {
        List<Path> out = new ArrayList<>();
        for (String a : cl.getArgList()) {
            out.add(ctx.resolve(a));
        }
        if (out.size() < min) {
            throw new UsageException(ctx.msg("cli.missingPaths"));
        }
        return out;
    }

    /**
     * @param cl       the command line
     * @param ctx      the context
     * @param option   the long option name
     * @param allowed  the allowed values (lower case)
     * @param fallback the value when the option is absent
     * @return the value, lower case
     * @throws UsageException when the value is not allowed
     */
    public static String choice(CommandLine cl, CommandContext ctx, String option, Set<String> allowed, String fallback)
            throws UsageException {
        String v = cl.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw new UsageException(ctx.msg(
                    "cli.badValue",
                    "--" + option,
                    v,
                    String.join("|", allowed.stream().sorted().toList())));
        }
        return lower;
    }

    /**
     * Adds {@code --cmdline}, {@code --registry} and {@code --service-file}: where XMail's own command line comes from.
     *
     * @param o      the options
     * @param locale the language of the descriptions
     */
    static void addStartupOptions(Options o, Locale locale) {
        o.addOption(valued(null, "cmdline", "OPTIONS", locale, "opt.startup.cmdline"));
        o.addOption(valued(null, "registry", "FILE", locale, "opt.startup.registry"));
        o.addOption(valued(null, "service-file", "FILE", locale, "opt.startup.serviceFile"));
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @return XMail's command line given with {@code --cmdline}, {@code --registry} or {@code --service-file}
     * @throws UsageException when more than one is given
     * @throws InputException when the file cannot be read or holds no XMail command line
     */
    static Optional<Startup> startup(CommandLine cl, CommandContext ctx) throws UsageException, InputException {
        List<String> given = STARTUP_OPTIONS.stream().filter(cl::hasOption).toList();
        if (given.size() > 1) {
            throw new UsageException(ctx.msg("startup.oneSource"));
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String v = cl.getOptionValue(given.get(0));
        return Optional.of(
                switch (given.get(0)) {
                    case "cmdline" -> Startups.typed(v);
                    case "registry" -> Startups.registry(ctx.resolve(v));
                    default -> Startups.serviceFile(ctx.resolve(v));
                });
    }

    /**
     * Refuses a command line given for several inputs before anything is read (a remote server would otherwise be
     * copied, and its password asked for, only to be refused).
     *
     * @param cl     the command line
     * @param inputs the inputs given
     * @param ctx    the context
     * @throws UsageException when more than one input is given with a command line and one of them is remote
     */
    static void oneServer(CommandLine cl, RemoteInputs inputs, CommandContext ctx) throws UsageException {
        int given = inputs.local().size() + inputs.remote().size();
        boolean startup = STARTUP_OPTIONS.stream().anyMatch(cl::hasOption);
        if (startup && !inputs.remote().isEmpty() && given > 1) {
            throw new UsageException(ctx.msg("startup.oneServerGiven", given));
        }
    }

    /**
     * @param startup the command line given, if any
     * @param servers the servers found
     * @param ctx     the context
     * @throws UsageException when a given command line would apply to more than one server
     */
    static void oneServer(Optional<Startup> startup, List<Path> servers, CommandContext ctx) throws UsageException {
        if (startup.isPresent() && servers.size() > 1) {
            throw new UsageException(ctx.msg("startup.oneServer", servers.size()));
        }
    }
}
