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
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;

/**
 * TLS-019: a weak public key in server.cert: RSA (or DSA) below 2048 bits, an elliptic curve below 224 bits. For the
 * server's own certificate this is also an availability problem: with OpenSSL at security level 2 every STARTTLS
 * handshake fails (observed with a real XMail 1.27 binary and Debian's OpenSSL 3.0), so an OpenSSL upgrade can turn
 * it into an outage. Self-signed roots after the first certificate are not judged: clients use their own copy.
 */
public final class WeakKey implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-019",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.rfc(9325, "4.5"),
                    Reference.of("NIST SP 800-52r2", "3.2.1"),
                    Reference.of("Mozilla Server Side TLS guidelines", "5.7")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return CertSupport.each(ctx, (c, where) -> {
            if (!c.weakKey() || (c.index() > 0 && c.selfSigned())) {
                return List.of();
            }
            int min = c.keyAlgorithm().equals("EC") ? CertificateFacts.MIN_EC_BITS : CertificateFacts.MIN_RSA_BITS;
            return List.of(Finding.of(
                    INFO,
                    where,
                    INFO.message(c.index() == 0 ? "leaf" : "chain", c.describe(), c.keyDescription(), min),
                    CertSupport.summary(c)));
        });
    }
}
