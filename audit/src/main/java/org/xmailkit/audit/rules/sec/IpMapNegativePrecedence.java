package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;
import org.xmailkit.model.Values;

/**
 * SEC-031: an ipmap rule with a precedence below -1. XMail starts at -1 and applies a matching rule only when its
 * precedence is at least the current one, so such a rule never applies. See {@link #INFO}.
 */
public final class IpMapNegativePrecedence implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-031",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("MiscUtils.cpp MscCheckAllowedIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return IpMapRows.each(
                ctx,
                (f, row) -> {
                    if (!IpMapRows.isRule(row) || Values.atoi(row.column(3)).orElse(0) >= -1) {
                        return Optional.empty();
                    }
                    return Optional.of(Finding.of(
                            INFO,
                            Sec.at(f, row.line()),
                            INFO.message(
                                    "never",
                                    f.kind().fileName(),
                                    row.line(),
                                    Evidence.text(f.display(row.column(3))),
                                    Evidence.text(f.display(row.column(2)))),
                            Evidence.line(f, row.line())));
                },
                false);
    }
}
