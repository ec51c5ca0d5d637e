package org.xmailkit.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule groups, in catalogue order: the id prefix of their rules, which is also the name of the package their
 * classes live in ({@code org.xmailkit.audit.rules.<prefix>}) and of their message bundle
 * ({@code org/xmailkit/audit/rules/<prefix>.properties} and {@code <prefix>_ja.properties}). A new group is one
 * constant here, its package and its two bundles; its rules are listed by the generated {@code <Prefix>Rules} class
 * (see CONTRIBUTING.md).
 */
public enum RuleGroup {
    /** Access, relay, credentials, privacy, abuse limits. */
    SEC,
    /** TLS settings, certificate and key material. */
    TLS,
    /** Validity: names, line layout, duplicates, values, required settings. */
    CFG,
    /** What changes on upgrade. */
    UPG,
    /** The localized build. */
    LOC;

    /** @return the package of the group's rules and the base of its bundle's name, e.g. {@code sec} */
    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the group's message bundle, e.g. {@code org.xmailkit.audit.rules.sec} */
    public String bundle() {
        return "org.xmailkit.audit.rules." + lowerName();
    }

    /**
     * @param id a rule id, e.g. {@code SEC-001}
     * @return its group, if the prefix names one
     */
    public static Optional<RuleGroup> of(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String prefix = id.substring(0, dash);
        for (RuleGroup g : values()) {
            if (g.name().equals(prefix)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
