package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.rules.CfgRules;
import org.xmailkit.audit.rules.LocRules;
import org.xmailkit.audit.rules.NetRules;
import org.xmailkit.audit.rules.OptRules;
import org.xmailkit.audit.rules.SecRules;
import org.xmailkit.audit.rules.TlsRules;
import org.xmailkit.audit.rules.UpgRules;

/**
 * Every rule, listed explicitly by group (no discovery, no reflection): the rules over a MailRoot's files
 * ({@link #ALL}) and, in the catalogue, the NET- rules over what a running server shows ({@link NetRules#ALL}).
 */
public final class Rules {

    /** All rules over files, in catalogue order. */
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

    /** @return every rule of the catalogue, file rules then NET- rules: what the docs, explain and waivers know */
    public static List<RuleInfo> catalogue() {
        List<RuleInfo> out = new ArrayList<>();
        ALL.forEach(r -> out.add(r.info()));
        NetRules.ALL.forEach(r -> out.add(r.info()));
        return List.copyOf(out);
    }

    /**
     * @param own the ids of the rules an auditor runs
     * @return those and the NET- ids, which a waiver may also name (a waiver file or an inline waiver serves both
     *         {@code audit} and {@code probe})
     */
    public static Set<String> ids(Set<String> own) {
        Set<String> out = new LinkedHashSet<>(own);
        NetRules.ALL.forEach(r -> out.add(r.info().id()));
        return Set.copyOf(out);
    }

    /**
     * @param id a rule id, any case
     * @return its metadata, among file and NET- rules
     */
    public static Optional<RuleInfo> info(String id) {
        return catalogue().stream().filter(r -> r.id().equalsIgnoreCase(id)).findFirst();
    }
}
