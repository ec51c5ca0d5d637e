package org.xmailkit.audit.rules.tls;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * TLS-017: a certificate of server.cert expires within the urgent threshold ({@code AuditOptions.certCriticalDays},
 * 30 days by default).
 */
public final class CertificateExpiresSoon implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-017",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.rfc(8314, "4.4")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        int days = ctx.options().certCriticalDays();
        // A negative time left is an expired certificate: TLS-016.
        return CertSupport.expiring(
                ctx, INFO, "soon", days, left -> !left.isNegative() && left.compareTo(Duration.ofDays(days)) <= 0);
    }
}
