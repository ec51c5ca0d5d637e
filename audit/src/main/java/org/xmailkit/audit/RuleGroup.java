package org.xmailkit.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule groups, in catalogue order: the id prefix of their rules, which is also the name of the package their
 * classes live in ({@code org.xmailkit.audit.rules.<prefix>}) and of their message bundle
 * ({@code org/xmailkit/audit/rules/<prefix>.properties} and {@code <prefix>_ja.properties}). Its rules are listed
 * by the generated {@code org.xmailkit.audit.rules.<Prefix>Rules} class. A new group is one constant here, one line
 * in {@link Rules}, its package and its two bundles (CONTRIBUTING.md).
 */
public enum RuleGroup {
    /** Access, relay, credentials, privacy, abuse limits. */
    SEC("access, relay, credentials, privacy, abuse limits"),
    /** TLS settings, certificate and key material. */
    TLS("TLS settings, certificate and key"),
    /** Validity: names, line layout, duplicates, values, required settings. */
    CFG("validity: names, line layout, duplicates, values, required settings"),
    /** What changes on upgrade. */
    UPG("what changes on upgrade"),
    /** The localized build. */
    LOC("the localized 1.27 build"),
    /** XMail's command line (the start-up options). */
    OPT("XMail's command line"),
    /** What a running server shows on the wire: its rules are {@link NetRule}s over a probe, not over files. */
    NET("what a running server shows on the wire", true);

    private final String about;
    private final boolean wire;

    RuleGroup(String about) {
        this(about, false);
    }

    RuleGroup(String about, boolean wire) {
        this.about = about;
        this.wire = wire;
    }

    /** @return whether the group's rules check what a server shows on the wire ({@link NetRule}) */
    public boolean wire() {
        return wire;
    }

    /** @return the interface the group's rules implement: {@link Rule}, or {@link NetRule} for the wire */
    public Class<?> ruleType() {
        return wire ? NetRule.class : Rule.class;
    }

    /** @return what the group's rules are about, for the generated list's comment */
    public String about() {
        return about;
    }

    /** @return the package of the group's rules, e.g. {@code org.xmailkit.audit.rules.sec} */
    public String packageName() {
        return "org.xmailkit.audit.rules." + lowerName();
    }

    /** @return the generated list's class name, e.g. {@code SecRules} */
    public String listClass() {
        return name().charAt(0) + lowerName().substring(1) + "Rules";
    }

    /** @return the last part of the package of the group's rules and of its bundle's name, e.g. {@code sec} */
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
