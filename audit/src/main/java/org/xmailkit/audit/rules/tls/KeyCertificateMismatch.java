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
import org.xmailkit.audit.tls.KeyMatch;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;

/**
 * TLS-021: server.key does not belong to the first certificate of server.cert. XMail's
 * {@code SSL_CTX_check_private_key} then fails, so every TLS handshake in every direction fails.
 */
public final class KeyCertificateMismatch implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-021",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("SSLBind.cpp BSslBindServer")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        TlsMaterial m = CertSupport.material(ctx);
        KeyMatch match = m.keyMatch();
        if (!match.mismatch()) {
            return List.of();
        }
        CertificateFacts leaf = m.certificate().leaf().orElseThrow();
        String key = m.key().keyDescription();
        if (match.kind() == KeyMatch.Kind.OTHER) {
            CertificateFacts other = m.certificate().certificates().get(match.certificateIndex());
            return List.of(Finding.of(
                    INFO,
                    CertSupport.keyFile(ctx),
                    INFO.message("other", leaf.describe(), key, other.describe()),
                    CertSupport.summary(leaf),
                    CertSupport.summary(other),
                    "server.key: " + key));
        }
        return List.of(Finding.of(
                INFO,
                CertSupport.keyFile(ctx),
                INFO.message("none", leaf.describe(), key),
                CertSupport.summary(leaf),
                "server.key: " + key));
    }
}
