package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.model.References;

/**
 * SEC-032: an ipmap rule whose third column is neither ALLOW nor DENY. XMail allows only on ALLOW (any case); every
 * other word, typos such as {@code ALLOWED} included, denies. See {@link #INFO}.
 */
public final class IpMapUnknownAction implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-032",
            Severity.LOW,
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
                    String word = row.column(2);
                    if (!IpMapRows.isRule(row)
                            || IpMap.isAllow(word)
                            || word.toUpperCase(Locale.ROOT).equals("DENY")) {
                        return Optional.empty();
                    }
                    return Optional.of(Finding.of(
                            INFO,
                            Sec.at(f, row.line()),
                            INFO.message("deny", f.kind().fileName(), row.line(), Evidence.text(f.display(word))),
                            Evidence.line(f, row.line())));
                },
                false);
    }
}
