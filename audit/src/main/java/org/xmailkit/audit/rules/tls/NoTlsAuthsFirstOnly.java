package org.xmailkit.audit.rules.tls;

import java.util.Arrays;
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
import org.xmailkit.model.Text;

/**
 * TLS-006: {@code SmtpNoTLSAuths} lists more than one mechanism, but XMail 1.27 honours only the first one
 * (StrUtils.cpp {@code StrLimIStr}). Fails towards fewer mechanisms: not a hole, but clients relying on the others
 * break.
 */
public final class NoTlsAuthsFirstOnly implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-006",
            Severity.LOW,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.source("StrUtils.cpp StrLimIStr"), References.source("SMTPSvr.cpp SMTPAddAuth")),
            List.of("\"SmtpNoTLSAuths\"\t\"\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective(TlsSupport.SMTP_NO_TLS_AUTHS);
        if (!e.isSet()) {
            return List.of();
        }
        String[] items = e.value().split(",", -1);
        if (items.length < 2) {
            return List.of();
        }
        String value = Evidence.show(ctx.tab(), e.value());
        String first = items[0];
        Text message = first.isEmpty()
                ? INFO.message("none", value)
                : INFO.message(
                        "firstOnly",
                        value,
                        Evidence.show(ctx.tab(), first),
                        Evidence.show(
                                ctx.tab(), String.join(",", Arrays.asList(items).subList(1, items.length))));
        return List.of(Finding.of(INFO, TlsSupport.at(ctx, e), message, Evidence.setting(ctx.tab(), e)));
    }
}
