package org.xmailkit.migrate;

import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.XMailVersion;

/**
 * How to migrate.
 *
 * @param target     {@link XMailVersion#V1_27} or {@link XMailVersion#V1_27_LOCALIZED}
 * @param from       the source version given with {@code --from}; empty to detect it from evidence
 * @param defaults   what to do with defaults that changed
 * @param localRule1 {@code --local-rule1}: the value to write for SMTPLocalRule1 (localized target only); empty
 *                   keeps a value already set and writes 0 where none is
 * @param localRule2 the same for SMTPLocalRule2
 * @param fix        which audit findings to remedy ({@code --fix})
 */
public record MigrationOptions(
        XMailVersion target,
        Optional<XMailVersion> from,
        DefaultsPolicy defaults,
        Optional<Boolean> localRule1,
        Optional<Boolean> localRule2,
        FixSelection fix) {

    public MigrationOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(localRule1, "localRule1");
        Objects.requireNonNull(localRule2, "localRule2");
        Objects.requireNonNull(fix, "fix");
        if (!target.equals(XMailVersion.V1_27) && !target.equals(XMailVersion.V1_27_LOCALIZED)) {
            throw new IllegalArgumentException("the target must be 1.27 or 1.27-localized: " + target);
        }
        if (!target.localized() && (localRule1.isPresent() || localRule2.isPresent())) {
            throw new IllegalArgumentException("SMTPLocalRule settings need the 1.27-localized target");
        }
    }

    /** @return target 1.27, detected source, preserve defaults, no fixes */
    public static MigrationOptions standard() {
        return new MigrationOptions(
                XMailVersion.V1_27,
                Optional.empty(),
                DefaultsPolicy.PRESERVE,
                Optional.empty(),
                Optional.empty(),
                FixSelection.NONE);
    }

    /**
     * @param t the target
     * @return these options with it (the local-rule choices are dropped for the original build)
     */
    public MigrationOptions withTarget(XMailVersion t) {
        boolean loc = t.localized();
        return new MigrationOptions(
                t, from, defaults, loc ? localRule1 : Optional.empty(), loc ? localRule2 : Optional.empty(), fix);
    }

    /**
     * @param v the source version, or empty to detect
     * @return these options with it
     */
    public MigrationOptions withFrom(Optional<XMailVersion> v) {
        return new MigrationOptions(target, v, defaults, localRule1, localRule2, fix);
    }

    /**
     * @param d the defaults policy
     * @return these options with it
     */
    public MigrationOptions withDefaults(DefaultsPolicy d) {
        return new MigrationOptions(target, from, d, localRule1, localRule2, fix);
    }

    /**
     * @param rule1 SMTPLocalRule1, or empty
     * @param rule2 SMTPLocalRule2, or empty
     * @return these options with them
     */
    public MigrationOptions withLocalRules(Optional<Boolean> rule1, Optional<Boolean> rule2) {
        return new MigrationOptions(target, from, defaults, rule1, rule2, fix);
    }

    /**
     * @param f the fix selection
     * @return these options with it
     */
    public MigrationOptions withFix(FixSelection f) {
        return new MigrationOptions(target, from, defaults, localRule1, localRule2, f);
    }
}
