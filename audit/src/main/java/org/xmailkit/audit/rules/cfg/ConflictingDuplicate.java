package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;

/** CFG-008: a name set again further down with a different value: XMail uses the first line, this one is dead. */
public final class ConflictingDuplicate implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-008",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.READ_CONFIG, Reference.of(References.SOURCE, "Hash.cpp HashGetFirst")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return duplicates(INFO, ctx, false);
    }

    /**
     * @param rule      the rule reporting
     * @param ctx       the context
     * @param sameValue whether to report duplicates that repeat the live value (else those that differ)
     * @return one finding per dead duplicate of that kind
     */
    static List<Finding> duplicates(RuleInfo rule, AuditContext ctx, boolean sameValue) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Entry dead : tab.deadDuplicates()) {
            Entry live = tab.entry(dead.name()).orElseThrow();
            if (live.value().equals(dead.value()) != sameValue) {
                continue;
            }
            Text message = sameValue
                    ? rule.message("same", Evidence.show(tab, dead.name()), live.line())
                    : rule.message(
                            "differs",
                            Evidence.show(tab, dead.name()),
                            Evidence.value(tab, dead.name(), dead.value()),
                            live.line(),
                            Evidence.value(tab, live.name(), live.value()));
            Finding f = TabFindings.at(rule, ctx, dead, dead.nameToken().column(), message);
            List<String> evidence = new ArrayList<>(f.evidence());
            evidence.add(Evidence.line(tab, live.line()));
            out.add(new Finding(rule, f.location(), message, evidence, f.suppression()));
        }
        return out;
    }
}
