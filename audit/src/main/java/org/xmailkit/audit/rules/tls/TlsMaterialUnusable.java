package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.CertificateFile;
import org.xmailkit.audit.tls.KeyFile;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * TLS-027: server.cert or server.key exists but XMail cannot load it: not PEM (XMail reads PEM only), no
 * certificate or private key inside, a block that does not parse, or a passphrase-protected key (XMail sets no
 * passphrase callback). Every TLS handshake then fails as if the file were missing. A file this audit could not
 * read is reported too, so that the certificate checks are not silently skipped.
 */
public final class TlsMaterialUnusable implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-027",
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
        List<Finding> out = new ArrayList<>();
        CertificateFile cert = m.certificate();
        Text certMessage =
                switch (cert.status()) {
                    case UNREADABLE ->
                        cert.problem().isEmpty()
                                ? INFO.message("cert.notRead")
                                : INFO.message("cert.unreadable", cert.problem());
                    case NOT_PEM -> INFO.message("cert.der");
                    case EMPTY -> INFO.message("cert.empty");
                    case INVALID -> INFO.message("cert.invalid", cert.problem());
                    default -> null;
                };
        if (certMessage != null) {
            out.add(Finding.of(INFO, CertSupport.certFile(ctx), certMessage));
        }
        KeyFile key = m.key();
        Text keyMessage =
                switch (key.status()) {
                    case UNREADABLE ->
                        key.problem().isEmpty()
                                ? INFO.message("key.notRead")
                                : INFO.message("key.unreadable", key.problem());
                    case NOT_PEM -> INFO.message("key.der");
                    case EMPTY -> INFO.message("key.empty");
                    case INVALID -> INFO.message("key.invalid", key.pemType().isEmpty() ? "PEM" : key.pemType());
                    case ENCRYPTED -> INFO.message("key.encrypted", key.pemType());
                    default -> null;
                };
        if (keyMessage != null) {
            out.add(Finding.of(INFO, CertSupport.keyFile(ctx), keyMessage));
        }
        return out;
    }
}
