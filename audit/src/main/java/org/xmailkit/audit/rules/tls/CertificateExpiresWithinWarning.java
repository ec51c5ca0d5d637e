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
 * TLS-018: a certificate of server.cert expires within the warning threshold ({@code AuditOptions.certWarnDays},
 * 60 days by default) but after the urgent one (TLS-017).
 */
public final class CertificateExpiresWithinWarning implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-018",
            Severity.LOW,
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
        int warn = ctx.options().certWarnDays();
        int critical = ctx.options().certCriticalDays();
        return CertSupport.expiring(
                ctx,
                INFO,
                "warn",
                warn,
                left -> left.compareTo(Duration.ofDays(critical)) > 0 && left.compareTo(Duration.ofDays(warn)) <= 0);
    }
}
