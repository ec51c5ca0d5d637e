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
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailPassword;

/**
 * SEC-016: a stored password decodes to less than was written. ctrlaccounts.tab ignores decoding failures, so an
 * odd-length or non-hex entry accepts the empty password (or only a prefix); in ctrlaccounts.tab and mailusers.tab a
 * {@code 65} pair decodes to NUL and cuts the password there. See {@link #INFO}.
 */
public final class UndecodablePassword implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-016",
            Severity.CRITICAL,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("StrUtils.cpp StrDeCrypt"),
                    References.source("CTRLSvr.cpp CTRLAccountCheck"),
                    References.source("UsrUtils.cpp UsrGetUserFromStrings")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Accounts.Account a : Accounts.of(ctx, Accounts.Kind.CTRL)) {
            XMailPassword.Decoded d = a.decoded();
            int n = d.password().length();
            Text msg = null;
            if (!d.ok()) {
                msg = n == 0
                        ? INFO.message("ctrlEmpty", a.line(), Evidence.text(a.display()))
                        : INFO.message("ctrlPrefix", a.line(), Evidence.text(a.display()), n);
            } else if (d.nulTruncated()) {
                msg = n == 0
                        ? INFO.message("ctrlEmpty", a.line(), Evidence.text(a.display()))
                        : INFO.message("nul", a.file().kind().fileName(), a.line(), Evidence.text(a.display()), n);
            }
            if (msg != null) {
                out.add(Finding.of(INFO, Sec.at(a.file(), a.line()), msg, a.evidence()));
            }
        }
        for (Accounts.Account a : Accounts.of(ctx, Accounts.Kind.MAIL_USER)) {
            XMailPassword.Decoded d = a.decoded();
            if (d.ok() && d.nulTruncated()) {
                int n = d.password().length();
                Text msg = n == 0
                        ? INFO.message("mailEmpty", a.line(), Evidence.text(a.display()))
                        : INFO.message("nul", a.file().kind().fileName(), a.line(), Evidence.text(a.display()), n);
                out.add(Finding.of(INFO, Sec.at(a.file(), a.line()), msg, a.evidence()));
            }
        }
        return out;
    }
}
