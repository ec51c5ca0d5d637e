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
 * Every rule, listed explicitly by group (no discovery, no reflection): each group's list is generated from its
 * package's rule classes at development time ({@code <Prefix>Rules}, see CONTRIBUTING.md). The rules over a
 * MailRoot's files are {@link #ALL}; the catalogue adds the NET- rules over what a running server shows
 * ({@link NetRules#ALL}).
 */
public final class Rules {

    /** All rules over files, in catalogue order. */
    public static final List<Rule> ALL = all();

    private Rules() {}

    private static List<Rule> all() {
        List<Rule> out = new ArrayList<>();
        for (RuleGroup g : RuleGroup.values()) {
            if (!g.wire()) {
                out.addAll(group(g));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param g a group over files ({@link RuleGroup#wire()} false)
     * @return its rules, in id order
     * @throws IllegalArgumentException for the NET- group, whose rules are {@link NetRules#ALL}
     */
    public static List<Rule> group(RuleGroup g) {
        return switch (g) {
            case SEC -> SecRules.ALL;
            case TLS -> TlsRules.ALL;
            case CFG -> CfgRules.ALL;
            case UPG -> UpgRules.ALL;
            case LOC -> LocRules.ALL;
            case OPT -> OptRules.ALL;
            case NET -> throw new IllegalArgumentException("the NET- rules check a probe: NetRules.ALL");
        };
    }

    /**
     * @param g a group
     * @return the metadata of its rules, in id order (the NET- group's too)
     */
    public static List<RuleInfo> infos(RuleGroup g) {
        return g.wire()
                ? NetRules.ALL.stream().map(NetRule::info).toList()
                : group(g).stream().map(Rule::info).toList();
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
        for (RuleGroup g : RuleGroup.values()) {
            out.addAll(infos(g));
        }
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
