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
import org.xmailkit.audit.behaviour.XMailMatch;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;

/**
 * TLS-005: SMTP AUTH passwords may cross the network in clear: {@code SmtpNoTLSAuths} is absent (every mechanism is
 * offered without TLS), or XMail 1.27 finds {@code LOGIN} or {@code PLAIN} in it as {@code StrLimIStr} searches, which
 * in practice means the first item only ({@link XMailMatch#limIStr}; {@code PLAINPLAIN} lets PLAIN through too).
 */
public final class CleartextAuthAllowed implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-005",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("SMTPSvr.cpp SMTPListAuths"),
                    References.source("SMTPSvr.cpp SMTPHandleCmd_AUTH"),
                    References.rfc(4954, "4"),
                    References.rfc(2595, "2.3"),
                    References.rfc(8314, "4.1")),
            List.of("\"SmtpNoTLSAuths\"\t\"\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective(TlsSupport.SMTP_NO_TLS_AUTHS);
        if (!e.isSet()) {
            return List.of(Finding.of(INFO, TlsSupport.at(ctx, e), INFO.message("absent")));
        }
        for (String mechanism : List.of("LOGIN", "PLAIN")) {
            if (XMailMatch.limIStr(e.value(), mechanism, ",")) {
                return List.of(Finding.of(
                        INFO,
                        TlsSupport.at(ctx, e),
                        INFO.message("cleartextMechanism", mechanism, Evidence.show(ctx.tab(), e.value())),
                        Evidence.setting(ctx.tab(), e)));
            }
        }
        return List.of();
    }
}
