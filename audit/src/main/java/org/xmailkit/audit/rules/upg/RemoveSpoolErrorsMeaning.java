package org.xmailkit.audit.rules.upg;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;

/**
 * UPG-009: {@code RemoveSpoolErrors 1} in a configuration that may predate 1.19/1.20, where the flag changed meaning:
 * since then messages are never frozen, so undeliverable and filter-rejected messages are deleted.
 */
public final class RemoveSpoolErrorsMeaning implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-009",
            Severity.LOW,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.changeLog("1.19/1.20")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective eff = ctx.tab().effective("RemoveSpoolErrors");
        if (!eff.isSet() || !eff.flag().orElse(false) || !ctx.source().mayBeBefore(Changes.REMOVE_SPOOL_ERRORS)) {
            return List.of();
        }
        return List.of(TabFindings.at(
                INFO,
                ctx,
                eff.entry(),
                eff.entry().valueToken().column(),
                INFO.message("removeSpoolErrors", ctx.source().display())));
    }
}
