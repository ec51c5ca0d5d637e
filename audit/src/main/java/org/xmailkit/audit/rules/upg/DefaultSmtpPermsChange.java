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
import org.xmailkit.model.References;

/**
 * UPG-002: {@code DefaultSmtpPerms} absent while the source may predate 1.27pre01: its built-in default changed
 * from {@code MR} to {@code MRVZ}, so authenticated users without their own SmtpPerms gain VRFY and lose the size
 * limit.
 */
public final class DefaultSmtpPermsChange implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-002",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(References.PERMS_DEFAULT),
            List.of(TabFindings.rawLine("DefaultSmtpPerms", "MR")));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (ctx.tab().has("DefaultSmtpPerms") || !ctx.source().mayBeBefore(Changes.V1_27PRE01)) {
            return List.of();
        }
        return List.of(TabFindings.atFile(
                INFO,
                ctx,
                "DefaultSmtpPerms",
                INFO.message(
                        "" + Changes.certainty(ctx.source(), Changes.V1_27PRE01),
                        ctx.source().display(),
                        TabFindings.line("DefaultSmtpPerms", "MR"))));
    }
}
