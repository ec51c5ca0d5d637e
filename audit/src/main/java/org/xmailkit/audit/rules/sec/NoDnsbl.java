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
import org.xmailkit.model.syntax.CustMapsList;

/** SEC-025 (strict): no DNS blocklist is queried (CustMapsList absent, empty, or without a zone). See {@link #INFO}. */
public final class NoDnsbl implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-025",
            Severity.LOW,
            Category.ABUSE,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.readme("server.tab CustMapsList"), References.rfc(5321, "7.8")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("CustMapsList");
        if (e.value() == null) {
            return List.of(Finding.of(INFO, Sec.var(ctx, e), INFO.message("absent")));
        }
        if (CustMapsList.parse(e.value()).entries().isEmpty()) {
            return List.of(
                    Finding.of(INFO, Sec.var(ctx, e), INFO.message("empty", e.line()), Evidence.setting(ctx.tab(), e)));
        }
        return List.of();
    }
}
