package org.xmailkit.audit.rules.loc;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * LOC-002: SMTPLocalRule1/2 set to 0 while the target is the original XMail 1.27: it ignores them, which here
 * changes nothing; the lines only matter again if the localized build is installed.
 */
public final class LocalRuleInert implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "LOC-002",
            Severity.INFO,
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
        if (ctx.options().target().localized()) {
            return List.of();
        }
        return LocalRules.atValues(
                ctx, INFO, v -> LocalRules.valid(v) && !LocalRules.on(v), (name, v) -> INFO.message("inert", name));
    }
}
