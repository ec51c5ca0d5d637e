package org.xmailkit.audit.rules.tls;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/** TLS-016: a certificate of server.cert (the server's own or one of its chain) has expired or is not valid yet. */
public final class CertificateExpired implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-016",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.rfc(8314, "4.4"), References.source("SSLBind.cpp BSslBindServer")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Instant now = CertSupport.now(ctx);
        return CertSupport.each(ctx, (c, where) -> {
            if (c.expired(now)) {
                return List.of(Finding.of(
                        INFO,
                        where,
                        INFO.message("expired", c.describe(), CertSupport.date(c.notAfter()), -c.daysLeft(now)),
                        CertSupport.summary(c)));
            }
            if (c.notYetValid(now)) {
                return List.of(Finding.of(
                        INFO,
                        where,
                        INFO.message("notYetValid", c.describe(), CertSupport.date(c.notBefore())),
                        CertSupport.summary(c)));
            }
            return List.of();
        });
    }
}
