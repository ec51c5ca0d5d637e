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
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.Reference;

/**
 * TLS-025: the server certificate is valid for more than 398 days, longer than public CAs may issue; such
 * certificates are self-made or legacy and usually not renewed on a schedule.
 */
public final class CertificateLifetime implements Rule {

    /** The longest validity public CAs may issue, in days. */
    public static final int MAX_DAYS = 398;

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-025",
            Severity.LOW,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    Reference.of("CA/Browser Forum Baseline Requirements", "6.3.2"),
                    Reference.of("Mozilla Server Side TLS guidelines", "5.7")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<CertificateFacts> certs = CertSupport.certificates(ctx);
        if (certs.isEmpty()) {
            return List.of();
        }
        CertificateFacts leaf = certs.get(0);
        Duration life = leaf.lifetime();
        if (life.compareTo(Duration.ofDays(MAX_DAYS)) <= 0) {
            return List.of();
        }
        return List.of(Finding.of(
                INFO,
                CertSupport.certFile(ctx),
                INFO.message(
                        "long",
                        leaf.describe(),
                        life.toDays(),
                        CertSupport.date(leaf.notBefore()),
                        CertSupport.date(leaf.notAfter()),
                        MAX_DAYS),
                CertSupport.summary(leaf)));
    }
}
