package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
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
 * SEC-012 (strict): CTRL is reachable from other hosts, and XMail has no option to require TLS on the CTRL port, so
 * administrator logins may cross the network in clear text. See {@link #INFO}.
 */
public final class CtrlCleartextLogins implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-012",
            Severity.LOW,
            Category.ACCESS,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("CTRLSvr.cpp CTRLClientThread"),
                    References.readme("server.tab EnableCTRL-TLS"),
                    References.rfc(2595, "2.3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Optional<TabFile> file = ctx.root().file(MailRootFile.CTRL_IPMAP);
        IpMap map = IpMap.of(ctx, MailRootFile.CTRL_IPMAP);
        List<IpAddress> probes = new ArrayList<>(Probes.PRIVATE_V4);
        probes.addAll(Probes.PUBLIC_V4);
        Optional<IpAddress> admitted =
                probes.stream().filter(a -> map.decide(a).allowed()).findFirst();
        if (admitted.isEmpty()) {
            return List.of();
        }
        boolean tls = ctx.tab().effective("EnableCTRL-TLS").flag().orElse(true);
        Location at = file.map(Sec::at).orElseGet(() -> Sec.missing(ctx));
        return List.of(Finding.of(
                INFO, at, INFO.message(tls ? "tlsOn" : "tlsOff", admitted.get().toString())));
    }
}
