package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.References;

/**
 * TLS-023: the server's own certificate is self-signed. Mail clients warn or refuse, and senders that verify
 * (MTA-STS, DANE with PKIX usages) cannot deliver; opportunistic MTAs still encrypt.
 */
public final class SelfSignedCertificate implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-023",
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
        List<CertificateFacts> certs = CertSupport.certificates(ctx);
        if (certs.isEmpty() || !certs.get(0).selfSigned()) {
            return List.of();
        }
        CertificateFacts leaf = certs.get(0);
        return List.of(Finding.of(
                INFO, CertSupport.certFile(ctx), INFO.message("leaf", leaf.subject()), CertSupport.summary(leaf)));
    }
}
