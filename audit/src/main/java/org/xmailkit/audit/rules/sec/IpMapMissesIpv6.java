package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.net.Probes;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * SEC-037 (strict): an ipmap file restricts IPv4 clients but nothing in it matches native IPv6 clients, which are
 * then allowed when XMail listens on IPv6 ({@code -C6}, {@code -S6}, ...). See {@link #INFO}.
 */
public final class IpMapMissesIpv6 implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-037",
            Severity.LOW,
            Category.ACCESS,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SysDepCommon.cpp SysInetAddrMatch"),
                    References.source("MiscUtils.cpp MscCheckAllowedIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        List<IpAddress> v4 = new ArrayList<>(Probes.PUBLIC_V4);
        v4.addAll(Probes.PRIVATE_V4);
        for (MailRootFile kind : AccessMaps.ALL) {
            Optional<TabFile> file = ctx.root().file(kind);
            if (file.isEmpty()) {
                continue;
            }
            IpMap map = IpMap.of(ctx, kind);
            Optional<IpAddress> denied =
                    v4.stream().filter(a -> !map.decide(a).allowed()).findFirst();
            if (denied.isPresent() && Probes.admitsIpv6(map)) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(file.get()),
                        INFO.message("ipv6Open", kind.fileName(), denied.get().toString())));
            }
        }
        return out;
    }
}
