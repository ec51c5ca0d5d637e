package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * SEC-028: AllowNullSender is 0 (or written as {@code ""}, which XMail reads as 0), so {@code MAIL FROM:<>} is
 * refused and bounces and delivery reports from other servers never arrive. See {@link #INFO}.
 */
public final class NullSenderRefused implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-028",
            Severity.MEDIUM,
            Category.ABUSE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.readme("server.tab AllowNullSender"), References.rfc(2505, "2.6.1")),
            List.of("\"AllowNullSender\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("AllowNullSender");
        if (e.flag().orElse(true)) {
            return List.of();
        }
        Text msg = e.written() != null && e.written().isEmpty()
                ? INFO.message("empty", e.line())
                : INFO.message("off", e.line(), Evidence.show(ctx.tab(), e.written()));
        return List.of(Finding.of(INFO, Sec.var(ctx, e), msg, Evidence.setting(ctx.tab(), e)));
    }
}
