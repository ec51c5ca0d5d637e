package org.xmailkit.audit.rules.loc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.References;

/**
 * LOC-004: target is the localized 1.27 build and SMTPLocalRule1/2 are not written. The build's defaults are not
 * documented; 0 (the original XMail's strict address check) is assumed, so carrier addresses are refused until the
 * switch is turned on. Writing the value makes the choice explicit.
 */
public final class LocalRuleImplicit implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "LOC-004",
            Severity.INFO,
            Category.LOCALIZED,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.XMAILCFG_PAGE, LocalRules.ADDRESS_CHECK),
            List.of(TabFindings.rawLine("SMTPLocalRule1", "0"), TabFindings.rawLine("SMTPLocalRule2", "0")));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.options().target().localized()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String name : LocalRules.NAMES) {
            if (!ctx.tab().has(name)) {
                // Conservative assumption: the localized build's default is published nowhere (neither XMailCFG's
                // XMail 環境設定 page nor the build's download pages state it); 0 keeps the original 1.27 address check.
                out.add(TabFindings.atFile(
                        INFO,
                        ctx,
                        name,
                        INFO.message("" + name, TabFindings.line(name, "0"), TabFindings.line(name, "1"))));
            }
        }
        return out;
    }
}
