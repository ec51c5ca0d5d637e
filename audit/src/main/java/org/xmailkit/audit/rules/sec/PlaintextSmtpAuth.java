package org.xmailkit.audit.rules.sec;

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
import org.xmailkit.model.References;

/**
 * SEC-017: smtpauth.tab keeps SMTP AUTH passwords in clear text; accounts with the R permission are relay
 * credentials for anyone who can read the file. See {@link #INFO}.
 */
public final class PlaintextSmtpAuth implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-017",
            Severity.MEDIUM,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("SMTPSvr.cpp SMTPTryApplyUsrPwdAuth"), References.readme("SMTPAUTH.TAB")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Accounts.Account a : Accounts.of(ctx, Accounts.Kind.SMTP_AUTH)) {
            String perms = a.row().column(2);
            String key = perms.indexOf('R') >= 0 ? "relay" : "plain";
            out.add(Finding.of(
                    INFO,
                    Sec.at(a.file(), a.line()),
                    INFO.message(key, a.line(), Evidence.text(a.display()), Evidence.text(perms)),
                    a.evidence()));
        }
        return out;
    }
}
