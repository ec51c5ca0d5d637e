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

/**
 * SEC-035: an smtp.hnprop.tab line uses the documented {@code .domain} form, which XMail 1.27 compares from one byte
 * before the host name, so it practically never matches and its properties are never applied. See {@link #INFO}.
 */
public final class HostPropertyDotNeverMatches implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-035",
            Severity.LOW,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("MiscUtils.cpp MscHostSubMatch"), References.readme("SMTP.HNPROP.TAB")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return HostProperties.each(ctx, (f, row) -> {
            String spec = row.column(0);
            if (HostProperties.match(spec) != HostProperties.Match.NEVER) {
                return Optional.empty();
            }
            return Optional.of(Finding.of(
                    INFO,
                    Sec.at(f, row.line()),
                    INFO.message("never", row.line(), Evidence.text(f.display(spec))),
                    Evidence.line(f, row.line())));
        });
    }
}
