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
 * SEC-002: smtprelay.tab lets a very large address range relay (more than a /8, or more than a /16 of public
 * addresses, or an IPv6 range wider than a /32), or names a host whose DNS answer decides who relays. See
 * {@link #INFO}.
 */
public final class BroadRelayRange implements Rule {

    /** More free bits than this (a /8) is very broad anywhere. */
    static final int ANY_LIMIT = 24;
    /** More free bits than this (a /16) is very broad for public addresses. */
    static final int PUBLIC_LIMIT = 16;
    /** More free bits than this (a /32) is very broad for IPv6. The facts give no threshold; a /32 is an ISP block. */
    static final int IPV6_LIMIT = 96;

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-002",
            Severity.HIGH,
            Category.RELAY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPUtils.cpp USmtpIsAllowedRelay"),
                    References.source("MiscUtils.cpp MscLoadAddressFilter"),
                    References.rfc(2505, "2.1"),
                    References.rfc(5321, "7.9")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (RelayEntries.Entry e : RelayEntries.of(ctx)) {
            int line = e.row().line();
            if (e.reading() instanceof AddressFilter.HostName h) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("hostName", line, Evidence.text(e.file().display(h.name()))),
                        Evidence.line(e.file(), line)));
                continue;
            }
            if (e.filter().isEmpty()) {
                continue;
            }
            AddressFilter f = e.filter().get();
            if (f.matchesEveryIpv4() || f.matchesEveryIpv6()) {
                continue; // SEC-001
            }
            int v4 = f.ipv4FreeBits();
            int v6 = f.ipv6FreeBits();
            if (v4 > ANY_LIMIT) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("broad", line, e.written(), RelayEntries.count(v4)),
                        Evidence.line(e.file(), line)));
            } else if (v4 > PUBLIC_LIMIT && !RelayEntries.within(f, RelayEntries.NON_PUBLIC)) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("public", line, e.written(), RelayEntries.count(v4)),
                        Evidence.line(e.file(), line)));
            } else if (v6 > IPV6_LIMIT) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(e.file(), line),
                        INFO.message("ipv6", line, e.written(), 128 - v6),
                        Evidence.line(e.file(), line)));
            }
        }
        return out;
    }
}
