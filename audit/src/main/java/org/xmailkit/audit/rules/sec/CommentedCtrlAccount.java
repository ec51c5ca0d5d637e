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
 * SEC-015: a ctrlaccounts.tab line starting with {@code #} looks commented out but still logs in: the file has no
 * comment support, so the user name is read with the {@code #} (and quotes) included. See {@link #INFO}.
 */
public final class CommentedCtrlAccount implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-015",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("CTRLSvr.cpp CTRLAccountCheck"), References.source("MiscUtils.cpp MscFGets")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Accounts.Account a : Accounts.of(ctx, Accounts.Kind.CTRL)) {
            if (a.row().record().text().startsWith("#")) {
                out.add(Finding.of(
                        INFO,
                        Sec.at(a.file(), a.line()),
                        INFO.message("active", a.line(), Evidence.text(a.display())),
                        a.evidence()));
            }
        }
        return out;
    }
}
