package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
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
 * CFG-017: RootDomain or PostMaster not set. Both are marked required on XMailCFG's settings page, and XMail has no
 * fallback for them: without RootDomain it answers HELO/EHLO with 451, without PostMaster it cannot send bounces.
 */
public final class RequiredMissing implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-017",
            Severity.HIGH,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.XMAILCFG_PAGE,
                    Reference.of(
                            References.SOURCE, "SvrUtils.cpp SvrGetConfigVar (no default), QueueUtils.cpp (bounces)")),
            List.of());

    /** The settings without which XMail does not work, in page order. */
    static final List<String> NAMES = List.of("RootDomain", "PostMaster");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (String name : NAMES) {
            if (!ctx.tab().has(name)) {
                out.add(TabFindings.atFile(INFO, ctx, name, INFO.message("" + name)));
            }
        }
        return out;
    }
}
