package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
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

/**
 * SEC-003 (strict): smtprelay.tab lets a whole private network (a /16 or more, as the 1.27 default does) or the
 * server itself relay without authentication. See {@link #INFO}.
 */
public final class PrivateNetworkRelay implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-003",
            Severity.LOW,
            Category.RELAY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("SMTPUtils.cpp USmtpIsAllowedRelay"), References.rfc(2505, "2.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RelayEntries.Entry e : RelayEntries.of(ctx)) {
            if (e.filter().isEmpty()) {
                continue;
            }
            AddressFilter f = e.filter().get();
            int line = e.row().line();
            int free = f.ipv4FreeBits();
            if (f.ipv4Within(RelayEntries.LOOPBACK.prefix(), RelayEntries.LOOPBACK.bits())) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("loopback", line, e.written()),
                        Evidence.line(e.file(), line)));
            } else if (free >= 16
                    && free <= BroadRelayRange.ANY_LIMIT
                    && RelayEntries.within(f, RelayEntries.PRIVATE)) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("private", line, e.written(), RelayEntries.count(free)),
                        Evidence.line(e.file(), line)));
            }
        }
        return out;
    }
}
