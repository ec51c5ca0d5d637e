package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * Small helpers to declare options (described in the user's language) and to read their values strictly: an unknown
 * value is a usage error, never a silent default.
 */
public final class Args {

    private Args() {
    }

    /**
     * @param shortName the one-letter name, or null
     * @param longName  the long name
     * @param argName   the value's name in {@code --help}
     * @param locale    the language of the description
     * @param key       the description's message key
     * @return an option that takes a value
     */
    static Option valued(String shortName, String longName, String argName, Locale locale, String key) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(argName)
                .desc(CommandContext.message(locale, key)).get();
    }

    /**
     * @param shortName the one-letter name, or null
     * @param longName  the long name
     * @param locale    the language of the description
     * @param key       the description's message key
     * @return an option without a value
     */
    static Option flag(String shortName, String longName, Locale locale, String key) {
        return Option.builder(shortName).longOpt(longName).desc(CommandContext.message(locale, key)).get();
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
            throw new UsageException(ctx.msg("cli.badValue", "--" + option, v,
                    String.join("|", allowed.stream().sorted().toList())));
        }
        return lower;
    }
}
