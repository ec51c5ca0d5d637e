package org.xmailkit.audit.rules.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * TLS-024: the server certificate's names do not cover {@code SmtpServerDomain}, {@code POP3Domain} or
 * {@code HeloDomain} (only those set). Names are the subjectAltName dNSName entries, or the common name when there
 * is none; a wildcard stands for exactly one left-most label (RFC 6125).
 */
public final class CertificateNames implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-024",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.rfc(6125, "6.4.3"),
                    References.rfc(6125, "6.4.4"),
                    References.rfc(2595, "2.4"),
                    References.rfc(8314, "4.4")),
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
        List<String> names = new ArrayList<>(leaf.serverNames());
        names.addAll(leaf.ipAddresses());
        List<Finding> out = new ArrayList<>();
        for (String variable : TlsSupport.SERVER_NAMES) {
            Effective e = ctx.tab().effective(variable);
            if (e.value() == null || e.value().isBlank()) {
                continue;
            }
            String host = Evidence.show(ctx.tab(), e.value()).strip();
            if (leaf.covers(host)) {
                continue;
            }
            Text message = names.isEmpty()
                    ? INFO.message("noNames", variable, host, leaf.subject())
                    : INFO.message("uncovered", variable, host, String.join(", ", names));
            List<String> evidence = new ArrayList<>(List.of(Evidence.setting(ctx.tab(), e)));
            evidence.add(CertSupport.summary(leaf));
            out.add(Finding.of(INFO, TlsSupport.at(ctx, e), message, evidence.toArray(String[]::new)));
        }
        return out;
    }
}
