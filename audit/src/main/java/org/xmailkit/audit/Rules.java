package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.rules.CfgRules;
import org.xmailkit.audit.rules.LocRules;
import org.xmailkit.audit.rules.OptRules;
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.rules.UpgRules;

/** Every rule, listed explicitly by group (no discovery, no reflection). */
public final class Rules {

    /** All rules, in catalogue order. */
    public static final List<Rule> ALL = all();

    private Rules() {
    }

    private static List<Rule> all() {
        List<Rule> out = new ArrayList<>();
        out.addAll(SecRules.ALL);
        out.addAll(TlsRules.ALL);
        out.addAll(CfgRules.ALL);
        out.addAll(UpgRules.ALL);
        out.addAll(LocRules.ALL);
        out.addAll(OptRules.ALL);
        return List.copyOf(out);
    }

    /**
     * @param id a rule id, any case
     * @return the rule
     */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equalsIgnoreCase(id)).findFirst();
    }
}
