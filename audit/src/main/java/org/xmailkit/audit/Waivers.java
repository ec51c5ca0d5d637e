package org.xmailkit.audit;

import java.util.List;

/**
 * Waivers from a waiver file: each names a rule, a path glob, a required reason and an optional expiry date.
 * Inline {@code # xmailkit:ignore RULE reason} comments are read by the {@link Auditor} from the audited files.
 *
 * @param entries the waivers
 */
public record Waivers(List<Waiver> entries) {

    /** No waivers. */
    public static final Waivers NONE = new Waivers(List.of());

    public Waivers {
        entries = List.copyOf(entries);
    }

    /**
     * One waiver.
     *
     * @param rule     the rule id
     * @param pathGlob a glob over the finding's file path
     * @param reason   why (required)
     * @param expires  the last day it applies, or null
     * @param source   where it is written ({@code file:line})
     */
    public record Waiver(String rule, String pathGlob, String reason, java.time.LocalDate expires, String source) {
    }
}
