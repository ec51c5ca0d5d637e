package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.Rules;
import org.xmailkit.audit.WaiverException;
import org.xmailkit.audit.Waivers;
import org.xmailkit.model.InputException;
import org.xmailkit.model.XMailVersion;

/**
 * The options several commands share, declared here once and read into one typed value: {@code --to} ({@code -t}),
 * {@code --from}, {@code --profile} ({@code -p}) and {@code --waivers}. Each has one name, one description and at
 * most one short name, whichever command takes it; a command names the ones it takes ({@link #add}).
 *
 * @param target  {@code --to}: 1.27 (default) or the localized 1.27
 * @param from    {@code --from}: the source version, if given
 * @param profile {@code --profile}: baseline (default) or strict
 * @param waivers {@code --waivers}: the waiver file as typed, if given
 */
record SharedOptions(XMailVersion target, Optional<XMailVersion> from, Profile profile, Optional<String> waivers) {

    /** An option several commands share. */
    enum Shared {
        /** {@code --to 1.27|1.27-localized}. */
        TO,
        /** {@code --from VERSION}. */
        FROM,
        /** {@code --profile baseline|strict}. */
        PROFILE,
        /** {@code --waivers FILE}. */
        WAIVERS
    }

    SharedOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(waivers, "waivers");
    }

    /**
     * Declares shared options for a command.
     *
     * @param o      the command's options
     * @param locale the language of the descriptions
     * @param which  the shared options the command takes
     */
    static void add(Options o, Locale locale, Shared... which) {
        for (Shared s : which) {
            o.addOption(option(s, locale));
        }
    }

    private static Option option(Shared s, Locale locale) {
        return switch (s) {
            case TO -> Args.valued("t", "to", "1.27|1.27-localized", locale, "opt.to");
            case FROM -> Args.valued(null, "from", "VERSION", locale, "opt.from");
            case PROFILE -> Args.valued("p", "profile", "baseline|strict", locale, "opt.profile");
            case WAIVERS -> Args.valued(null, "waivers", "FILE", locale, "opt.waivers");
        };
    }

    /**
     * @param cl  the command line (options a command does not take are absent, so they read as their defaults)
     * @param ctx the context
     * @return the shared options
     * @throws UsageException for a value that is not allowed
     */
    static SharedOptions read(CommandLine cl, CommandContext ctx) throws UsageException {
        XMailVersion target = Args.choice(cl, ctx, "to", Set.of("1.27", "1.27-localized"), "1.27")
                        .equals("1.27")
                ? XMailVersion.V1_27
                : XMailVersion.V1_27_LOCALIZED;
        Optional<XMailVersion> from = Optional.empty();
        String v = cl.getOptionValue("from");
        if (v != null) {
            try {
                from = Optional.of(XMailVersion.parse(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException(ctx.msg("cli.badVersion", "--from", v));
            }
        }
        Profile profile = Profile.parse(Args.choice(cl, ctx, "profile", Set.of("baseline", "strict"), "baseline"));
        return new SharedOptions(target, from, profile, Optional.ofNullable(cl.getOptionValue("waivers")));
    }

    /**
     * @param ctx     the context (paths are resolved against its working directory)
     * @param ruleIds the rules a waiver may name
     * @return the waivers of {@code --waivers}, or none
     * @throws InputException  when the file cannot be read
     * @throws WaiverException when it has a bad entry
     */
    Waivers readWaivers(CommandContext ctx, Set<String> ruleIds) throws InputException, WaiverException {
        if (waivers.isEmpty()) {
            return Waivers.NONE;
        }
        Path file = ctx.resolve(waivers.get());
        // A waiver may name a NET- rule too: one waiver file serves audit, report and probe.
        return Waivers.read(file, waivers.get(), Rules.ids(ruleIds));
    }

    /**
     * @param ctx     the context (its clock)
     * @param ruleIds the rules a waiver may name
     * @return audit options with these shared options and the defaults for the rest
     * @throws InputException  when the waiver file cannot be read
     * @throws WaiverException when it has a bad entry
     */
    AuditOptions auditOptions(CommandContext ctx, Set<String> ruleIds) throws InputException, WaiverException {
        return AuditOptions.defaults()
                .withClock(ctx.clock())
                .withProfile(profile)
                .withTarget(target)
                .withFrom(from)
                .withWaivers(readWaivers(ctx, ruleIds));
    }
}
