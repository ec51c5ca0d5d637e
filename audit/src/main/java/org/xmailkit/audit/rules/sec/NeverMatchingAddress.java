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
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * SEC-033: an address entry that never matches any client: a bare address in smtp.ipprop.tab or in the address
 * columns of filters.in.tab / filters.out.tab (they read only {@code addr/bits}), a single address without a mask in
 * smtprelay.tab or spammers.tab, or an address XMail cannot read. White-listing, spammer blocks and content filters
 * written that way are silently skipped. See {@link #INFO}.
 */
public final class NeverMatchingAddress implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-033",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("MiscUtils.cpp MscLoadAddressFilter"),
                    References.source("SvrUtils.cpp SvrEnumProtoProps"),
                    References.source("Filter.cpp FilGetFilters"),
                    References.source("SMTPUtils.cpp USmtpSpammerCheck")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        scan(ctx, MailRootFile.SMTP_IPPROP, out, 0);
        scan(ctx, MailRootFile.SMTP_RELAY, out, 0);
        scan(ctx, MailRootFile.SPAMMERS, out, 0);
        scan(ctx, MailRootFile.FILTERS_IN, out, 2, 3);
        scan(ctx, MailRootFile.FILTERS_OUT, out, 2, 3);
        return out;
    }

    private static void scan(AuditContext ctx, MailRootFile kind, List<Finding> out, int... columns) {
        Optional<TabFile> f = ctx.root().file(kind);
        if (f.isEmpty()) {
            return;
        }
        for (TabFile.Row row : f.get().rows()) {
            for (int c : columns) {
                if (c >= row.size()) {
                    continue;
                }
                AddressFilter.Reading r = AddressFilter.read(row.columns().subList(c, row.size()), passed(kind, row));
                if (!(r instanceof AddressFilter.Invalid inv)) {
                    continue;
                }
                String key = inv.why() == AddressFilter.Why.BARE_ADDRESS ? "bare" : "unreadable";
                out.add(Finding.of(
                        INFO,
                        Sec.at(f.get(), row.line()),
                        INFO.message(
                                key,
                                kind.fileName(),
                                row.line(),
                                Evidence.text(f.get().display(row.column(c)))),
                        Evidence.line(f.get(), row.line())));
            }
        }
    }

    /** How many tokens each reader hands to MscLoadAddressFilter. */
    private static int passed(MailRootFile kind, TabFile.Row row) {
        return switch (kind) {
            case SMTP_RELAY -> row.size();
            case SPAMMERS ->
                row.size() > 1
                                && !row.column(1).isEmpty()
                                && Character.isDigit(row.column(1).charAt(0))
                        ? 2
                        : 1;
            default -> 1;
        };
    }
}
