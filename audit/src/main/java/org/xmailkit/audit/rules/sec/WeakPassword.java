package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * SEC-014: a mail, CTRL or smtpauth.tab account has a weak password: empty, equal to the user name, one of XMail's
 * published sample passwords, in the bundled list of common passwords, or shorter than 8 characters. The message
 * names the account and the reason, never the password. See {@link #INFO}.
 */
public final class WeakPassword implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-014",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("UsrUtils.cpp UsrGetUserFromStrings"),
                    References.source("CTRLSvr.cpp CTRLAccountCheck"),
                    References.source("SMTPSvr.cpp SMTPTryApplyUsrPwdAuth")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Accounts.Account a : Accounts.all(ctx)) {
            if (a.kind() == Accounts.Kind.POP3_LINK || Passwords.sample(a).isPresent()) {
                continue;
            }
            if (a.decoded() != null && (!a.decoded().ok() || a.decoded().nulTruncated())) {
                continue; // SEC-016, or an entry XMail ignores
            }
            Optional<Passwords.Weakness> w = Passwords.weakness(a);
            if (w.isEmpty()) {
                continue;
            }
            String key = ""
                    + switch (w.get()) {
                        case EMPTY -> "empty";
                        case SAME_AS_USER -> "sameAsUser";
                        case SAMPLE -> "sample";
                        case COMMON -> "common";
                        case SHORT -> "short";
                    };
            out.add(Finding.of(
                    INFO,
                    Sec.at(a.file(), a.line()),
                    INFO.message(
                            key,
                            a.file().kind().fileName(),
                            a.line(),
                            Evidence.text(a.display()),
                            Passwords.MIN_LENGTH),
                    a.evidence()));
        }
        return out;
    }
}
