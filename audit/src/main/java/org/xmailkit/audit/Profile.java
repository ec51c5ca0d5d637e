package org.xmailkit.audit;

import java.util.Locale;

/** A set of rules to run: {@code baseline} for every server, {@code strict} adds hardening advice. */
public enum Profile {
    BASELINE,
    STRICT;

    /** @return the lower-case id */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code baseline} or {@code strict}
     * @return the profile
     * @throws IllegalArgumentException for anything else
     */
    public static Profile parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
