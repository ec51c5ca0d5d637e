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
 * TLS-015: {@code SSLAllowSelfSigned} on while verification is on: any self-signed peer certificate passes, so
 * verification no longer tells a real server from anyone who made a certificate. (When verification is off the
 * switch does nothing and is not reported.)
 */
public final class SelfSignedPeersAllowed implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-015",
            Severity.LOW,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(References.source("SSLBind.cpp BSslCertVerifyCB")),
            List.of("\"SSLAllowSelfSigned\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective(TlsSupport.SSL_ALLOW_SELF_SIGNED);
        if (!e.flag().orElse(false) || !TlsSupport.verificationOn(ctx)) {
            return List.of();
        }
        String by =
                TlsSupport.on(ctx, TlsSupport.SSL_WANT_VERIFY) ? TlsSupport.SSL_WANT_VERIFY : TlsSupport.SSL_WANT_CERT;
        return List.of(Finding.of(
                INFO,
                TlsSupport.at(ctx, e),
                INFO.message("on", Evidence.show(ctx.tab(), e.written()), by),
                Evidence.setting(ctx.tab(), e)));
    }
}
