package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.rules.CfgRules;
import org.xmailkit.audit.rules.LocRules;
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.rules.UpgRules;

/**
 * Every rule, listed explicitly by group (no discovery, no reflection): each group's list is generated from its
 * package's rule classes at development time ({@code <Prefix>Rules}, see CONTRIBUTING.md).
 */
public final class Rules {

    /** All rules, in catalogue order. */
    public static final List<Rule> ALL = all();

    private Rules() {
    }

    private static List<Rule> all() {
        List<Rule> out = new ArrayList<>();
        for (RuleGroup g : RuleGroup.values()) {
            out.addAll(group(g));
        }
        return List.copyOf(out);
    }

    /**
     * @param g a group
     * @return its rules, in id order
     */
    public static List<Rule> group(RuleGroup g) {
        return switch (g) {
            case SEC -> SecRules.ALL;
            case TLS -> TlsRules.ALL;
            case CFG -> CfgRules.ALL;
            case UPG -> UpgRules.ALL;
            case LOC -> LocRules.ALL;
        };
    }

    /**
     * @param id a rule id, any case
     * @return the rule
     */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equalsIgnoreCase(id)).findFirst();
    }
}
