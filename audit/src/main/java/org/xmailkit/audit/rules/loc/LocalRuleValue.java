package org.xmailkit.audit.rules.loc;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * LOC-003: SMTPLocalRule1/2 with a value other than 0 or 1. XMailCFG writes only those; how the localized build
 * reads anything else is not documented.
 */
public final class LocalRuleValue implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "LOC-003",
            Severity.MEDIUM,
            Category.LOCALIZED,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.XMAILCFG_PAGE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return LocalRules.atValues(
                ctx,
                INFO,
                v -> !LocalRules.valid(v),
                (name, v) -> INFO.message("value", name, Evidence.show(ctx.tab(), v), LocalRules.on(v) ? 1 : 0));
    }
}
