package org.xmailkit.audit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a finding is suppressed (or was, if the waiver expired). Suppressed findings stay in every output, marked.
 *
 * @param kind    where the suppression comes from
 * @param reason  the reason given (required)
 * @param expires the expiry date, if any
 * @param expired whether the expiry date has passed: the finding then counts again
 * @param source  where the waiver is written (waiver file and line, or the .tab file and line)
 */
public record Suppression(Kind kind, String reason, Optional<LocalDate> expires, boolean expired, String source) {

    /** Where a suppression comes from. */
    public enum Kind {
        /** A waiver file given with {@code --waivers}. */
        WAIVER_FILE,
        /** A {@code # xmailkit:ignore RULE reason} comment above the line. */
        INLINE
    }

    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(source, "source");
    }

    /** @return whether the finding is currently suppressed */
    public boolean active() {
        return !expired;
    }
}
