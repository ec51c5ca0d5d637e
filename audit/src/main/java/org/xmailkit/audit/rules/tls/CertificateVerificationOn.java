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
 * TLS-013: certificate verification on ({@code SSLWantVerify}, or {@code SSLWantCert} which implies it). One trust
 * setting covers every direction: inbound clients presenting a certificate XMail cannot verify fail, and every
 * outbound STARTTLS delivery to a server whose chain does not verify is aborted. There is still no host-name check.
 */
public final class CertificateVerificationOn implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-013",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("SSLBind.cpp BSslSetupVerify"),
                    References.source("SSLBind.cpp BSslCertVerifyCB"),
                    References.source("SSLConfig.cpp CSslBindSetup")),
            List.of("\"SSLWantVerify\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective verify = ctx.tab().effective(TlsSupport.SSL_WANT_VERIFY);
        if (verify.flag().orElse(false)) {
            return List.of(Finding.of(
                    INFO,
                    TlsSupport.at(ctx, verify),
                    INFO.message("verify", Evidence.show(ctx.tab(), verify.written())),
                    Evidence.setting(ctx.tab(), verify)));
        }
        Effective cert = ctx.tab().effective(TlsSupport.SSL_WANT_CERT);
        if (cert.flag().orElse(false)) {
            return List.of(Finding.of(
                    INFO,
                    TlsSupport.at(ctx, cert),
                    INFO.message("implied", Evidence.show(ctx.tab(), cert.written())),
                    Evidence.setting(ctx.tab(), cert)));
        }
        return List.of();
    }
}
