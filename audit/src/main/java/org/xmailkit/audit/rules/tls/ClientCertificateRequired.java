package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;

/**
 * TLS-012: {@code SSLWantCert} on. Every inbound TLS client without a certificate fails the handshake, which is
 * nearly every MTA and mail client: inbound STARTTLS breaks. Client certificates are never used for authorisation
 * by XMail. The fix is opt-in all the same: SSLWantCert also turns on outbound verification, which turning it off
 * ends unless SSLWantVerify is set too.
 */
public final class ClientCertificateRequired implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-012",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("SSLBind.cpp BSslSetupVerify"),
                    References.source("SSLConfig.cpp CSslBindSetup"),
                    References.rfc(3207, "4")),
            List.of("\"SSLWantCert\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective(TlsSupport.SSL_WANT_CERT);
        if (!e.flag().orElse(false)) {
            return List.of();
        }
        return List.of(Finding.of(
                INFO,
                TlsSupport.at(ctx, e),
                INFO.message("on", Evidence.show(ctx.tab(), e.written() == null ? "1" : e.written())),
                Evidence.setting(ctx.tab(), e)));
    }
}
