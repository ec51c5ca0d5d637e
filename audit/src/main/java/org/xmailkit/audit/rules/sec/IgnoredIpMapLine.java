package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
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
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * SEC-030: an ipmap line XMail ignores: fewer than four columns (a CIDR rule still needs a placeholder mask column),
 * or an address that cannot be read. The rule it was meant to be does not exist. See {@link #INFO}.
 */
public final class IgnoredIpMapLine implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-030",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("MiscUtils.cpp MscCheckAllowedIP"),
                    References.source("MiscUtils.cpp MscLoadAddressFilter")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>(IpMapRows.each(ctx, IgnoredIpMapLine::tooShort, true));
        out.addAll(IpMapRows.each(ctx, IgnoredIpMapLine::unreadable, false));
        return out;
    }

    private static Optional<Finding> tooShort(TabFile f, TabFile.Row row) {
        String name = f.kind().fileName();
        String key = row.column(0).indexOf('/') >= 0 ? "cidrShort" : "short";
        return Optional.of(Finding.of(
                INFO,
                Sec.at(f, row.line()),
                INFO.message(key, name, row.line(), row.size()),
                Evidence.line(f, row.line())));
    }

    private static Optional<Finding> unreadable(TabFile f, TabFile.Row row) {
        if (!(AddressFilter.read(row.columns(), row.size()) instanceof AddressFilter.Invalid)) {
            return Optional.empty();
        }
        return Optional.of(Finding.of(
                INFO,
                Sec.at(f, row.line()),
                INFO.message("unreadable", f.kind().fileName(), row.line(), Evidence.text(f.display(row.column(0)))),
                Evidence.line(f, row.line())));
    }
}
