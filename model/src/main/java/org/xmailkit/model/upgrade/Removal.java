package org.xmailkit.model.upgrade;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.model.Entry;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Values;
import org.xmailkit.model.syntax.OptionList;

/**
 * A server.tab variable an older XMail read and 1.27 ignores, with its mechanical fix: the setting 1.27 reads in its
 * place, computed from the configuration. This is the one declaration of each such fix: the audit rule UPG-001 shows
 * the line it would write, and the migration step that removes the variable writes that same line, so detection
 * and repair cannot drift apart (XMail ChangeLog 0.55, 0.71, 1.3, 1.6, 1.24, 1.25).
 */
public enum Removal {
    /** {@code SMTP-RARPCheck}, renamed {@code SMTP-RDNSCheck} in 0.55: the value is carried. */
    RARP_CHECK("SMTP-RARPCheck", "SMTP-RDNSCheck"),
    /** {@code HeloUseRootDomain}, replaced by {@code HeloDomain} in 0.71: an enabled flag carries RootDomain. */
    HELO_USE_ROOT_DOMAIN("HeloUseRootDomain", "HeloDomain"),
    /** {@code RBL-MAPSCheck} (removed in 1.6): the list is gone, nothing is carried. */
    RBL_MAPS_CHECK("RBL-MAPSCheck", null),
    /** {@code RSS-MAPSCheck} (removed in 1.6): the list is gone, nothing is carried. */
    RSS_MAPS_CHECK("RSS-MAPSCheck", null),
    /** {@code DUL-MAPSCheck} (removed in 1.6): the list is gone, nothing is carried. */
    DUL_MAPS_CHECK("DUL-MAPSCheck", null),
    /** {@code ORBS-MAPSCheck} (removed in 1.3): the list is gone, nothing is carried. */
    ORBS_MAPS_CHECK("ORBS-MAPSCheck", null),
    /** {@code SMTP-TLS} (1.24 only), replaced by {@code SmtpGwConfig} {@code NeedTLS=1} in 1.25. */
    SMTP_TLS("SMTP-TLS", "SmtpGwConfig"),
    /** {@code DynDnsSetup}: the DynDNS client was removed in 1.24 with nothing in its place; the value is secret. */
    DYNDNS_SETUP("DynDnsSetup", null);

    /** The {@code *-MAPSCheck} flags, in the order they are reported. */
    public static final List<Removal> MAPS_CHECKS =
            List.of(RBL_MAPS_CHECK, RSS_MAPS_CHECK, DUL_MAPS_CHECK, ORBS_MAPS_CHECK);

    private static final String NEED_TLS = "NeedTLS";
    private static final String ROOT_DOMAIN = "RootDomain";

    private final String variable;
    private final String replacedBy;

    Removal(String variable, String replacedBy) {
        this.variable = variable;
        this.replacedBy = replacedBy;
    }

    /**
     * A line to write: a name and its value as Latin-1 byte text.
     *
     * @param name  the variable
     * @param value its value's bytes
     */
    public record Setting(String name, String value) {
        public Setting {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param name a server.tab name
     * @return its removal, if 1.27 ignores it for one of these reasons
     */
    public static Optional<Removal> of(String name) {
        for (Removal r : values()) {
            if (r.variable.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return the variable 1.27 ignores */
    public String variable() {
        return variable;
    }

    /** @return the variable 1.27 reads in its place, if there is one */
    public Optional<String> replacedBy() {
        return Optional.ofNullable(replacedBy);
    }

    /**
     * @param tab server.tab
     * @return whether the setting 1.27 reads in its place is already written, so nothing is carried over: for
     *         {@code SMTP-TLS}, a {@code NeedTLS} option in {@code SmtpGwConfig}
     */
    public boolean superseded(ServerTab tab) {
        if (this == SMTP_TLS) {
            return tab.entry(replacedBy)
                    .flatMap(g -> OptionList.parse(g.value()).get(NEED_TLS))
                    .isPresent();
        }
        return replacedBy != null && tab.has(replacedBy);
    }

    /**
     * The setting to write in place of the variable's live line: the fix the migration applies and the rule shows.
     *
     * @param tab  server.tab
     * @param live the line XMail read for the variable
     * @return the setting, or empty when nothing is carried: no replacement, the replacement already written, a
     *         switched-off flag, or {@code HeloUseRootDomain} without a RootDomain to carry
     */
    public Optional<Setting> replacement(ServerTab tab, Entry live) {
        if (replacedBy == null || superseded(tab)) {
            return Optional.empty();
        }
        boolean on = Values.atoi(live.value()).orElse(0) != 0;
        return switch (this) {
            case RARP_CHECK -> Optional.of(new Setting(replacedBy, live.value()));
            case HELO_USE_ROOT_DOMAIN ->
                on
                        ? tab.entry(ROOT_DOMAIN)
                                .filter(r -> !r.value().isEmpty())
                                .map(r -> new Setting(replacedBy, r.value()))
                        : Optional.empty();
            case SMTP_TLS -> {
                if (!on) {
                    yield Optional.empty();
                }
                String existing = tab.entry(replacedBy).map(Entry::value).orElse("");
                yield Optional.of(new Setting(
                        replacedBy, existing.isEmpty() ? NEED_TLS + "=1" : existing + "," + NEED_TLS + "=1"));
            }
            default -> Optional.empty();
        };
    }
}
