package org.xmailkit.audit.rules.loc;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;

/**
 * LOC-001: SMTPLocalRule1/2 turned on while the target is the original XMail 1.27, which never reads them: the
 * legacy Japanese carrier addresses they let through (such as {@code taro..hanako@docomo.ne.jp}) are refused there.
 */
public final class LocalRuleIgnored implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "LOC-001",
            Severity.MEDIUM,
            Category.LOCALIZED,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.XMAILCFG_PAGE, LocalRules.ADDRESS_CHECK, Reference.of("RFC 5322", "3.4.1")),
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
                ctx, INFO, v -> LocalRules.valid(v) && LocalRules.on(v), (name, v) -> INFO.message("" + name));
    }
}
