package org.xmailkit.audit.rules.upg;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;

/**
 * UPG-008: since 1.27pre01 XMail rewrites a bare {@code RCPT TO:<postmaster>} (any case, no domain) to the
 * PostMaster address: mail to "postmaster" then goes where PostMaster points, which may be another server.
 */
public final class PostMasterRcpt implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-008",
            Severity.INFO,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    Reference.of(References.SOURCE, "SMTPSvr.cpp SMTPGetForwardPath (1.27pre01)"),
                    Reference.of("RFC 5321", "4.5.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.V1_27PRE01)) {
            return List.of();
        }
        return ctx.tab()
                .entry("PostMaster")
                .filter(e -> !e.value().isEmpty())
                .map(e -> List.of(TabFindings.at(
                        INFO,
                        ctx,
                        e,
                        e.valueToken().column(),
                        INFO.message(
                                "postmaster",
                                Evidence.show(ctx.tab(), e.value()),
                                ctx.source().display()))))
                .orElse(List.of());
    }
}
