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
import org.xmailkit.model.Text;

/**
 * SEC-013: an account shipped as a sample with some XMail release still exists with its published password: the 1.27
 * default mail user {@code xmailuser@xmailserver.test}, the early {@code home.bogus} users, the early CTRL account,
 * the early smtpauth.tab accounts, the early pop3links.tab samples. See {@link #INFO}.
 */
public final class SampleAccount implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-013",
            Severity.CRITICAL,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("UsrUtils.cpp UsrGetUserFromStrings"),
                    References.source("CTRLSvr.cpp CTRLAccountCheck"),
                    References.source("SMTPSvr.cpp SMTPTryApplyUsrPwdAuth"),
                    References.source("SMTPSvr.cpp SMTPGetUserSmtpPerms")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Accounts.Account a : Accounts.all(ctx)) {
            Optional<Passwords.Sample> s = Passwords.sample(a);
            if (s.isEmpty()) {
                continue;
            }
            String shipped = s.get().shipped();
            Text msg =
                    switch (a.kind()) {
                        case MAIL_USER -> {
                            Accounts.Perms p = Accounts.smtpPerms(ctx, a);
                            yield p.relay()
                                    ? INFO.message(
                                            "mailUserRelay",
                                            a.line(),
                                            a.display(),
                                            shipped,
                                            Evidence.text(p.letters()),
                                            p.origin())
                                    : INFO.message("mailUser", a.line(), a.display(), shipped);
                        }
                        case CTRL -> INFO.message("ctrl", a.line(), a.display(), shipped);
                        case SMTP_AUTH ->
                            INFO.message(
                                    "smtpAuth",
                                    a.line(),
                                    a.display(),
                                    shipped,
                                    Evidence.text(a.row().column(2)));
                        case POP3_LINK ->
                            INFO.message(
                                    "pop3Link",
                                    a.line(),
                                    a.file().display(a.user()) + "@" + a.file().display(a.domain()),
                                    shipped);
                    };
            out.add(Finding.of(INFO, Sec.at(a.file(), a.line()), msg, a.evidence()));
        }
        return out;
    }
}
