package org.xmailkit.audit.rules.tls;

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
 * TLS-020: a certificate of server.cert is signed with SHA-1 or MD5 (or MD2). XMail built with OpenSSL 0.9.8 or
 * 1.1.1 still presents it and verifying clients reject it; built with OpenSSL 3 at its default security level, the
 * handshake itself fails (checked with the real 1.27, TlsMaterialIT). Self-signed certificates are not
 * judged: their signature proves nothing to a client anyway (TLS-023 reports a self-signed server certificate).
 */
public final class WeakSignature implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-020",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.rfc(9325, "4.5")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return CertSupport.each(ctx, (c, where) -> {
            if (!c.weakSignature() || c.selfSigned()) {
                return List.of();
            }
            return List.of(Finding.of(
                    INFO, where, INFO.message("weak", c.describe(), c.signatureAlgorithm()), CertSupport.summary(c)));
        });
    }
}
