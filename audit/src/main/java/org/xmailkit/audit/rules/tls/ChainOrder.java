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
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.audit.tls.ChainIssue;
import org.xmailkit.audit.tls.TlsMaterial;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * TLS-022: server.cert's chain is out of order or incomplete. XMail 1.27 sends the file as it is, the first
 * certificate as its own: the server certificate must come first and each one must be followed by its issuer, up
 * to (but not necessarily including) a root. A chain that stops at a certificate whose issuer is neither in the
 * file nor a root in view ({@code certs.pem}, {@code certs/}, the Java runtime's trust store) is incomplete.
 */
public final class ChainOrder implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-022",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("SSLBind.cpp BSslBindServer"), References.rfc(8314, "4.4")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        TlsMaterial m = CertSupport.material(ctx);
        List<CertificateFacts> certs = CertSupport.certificates(ctx);
        List<Finding> out = new ArrayList<>();
        for (ChainIssue i : m.chainIssues()) {
            CertificateFacts c = certs.get(i.index());
            String related = i.related() >= 0 ? certs.get(i.related()).describe() : "";
            Text message =
                    switch (i.kind()) {
                        case LEAF_NOT_FIRST -> INFO.message("leafNotFirst", c.describe(), related);
                        case OUT_OF_ORDER -> INFO.message("outOfOrder", c.describe(), related);
                        case NOT_ISSUED_BY_NEXT -> INFO.message("notIssuedByNext", c.describe(), related, c.issuer());
                        case DUPLICATE -> INFO.message("duplicate", c.describe(), related);
                        case INCOMPLETE -> INFO.message("incomplete", c.describe(), i.name());
                    };
            out.add(Finding.of(INFO, CertSupport.certFile(ctx), message, CertSupport.summary(c)));
        }
        return out;
    }
}
