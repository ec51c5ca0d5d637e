package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Text;
import org.xmailkit.audit.rules.opt.Pop3LogPasswords;
import org.xmailkit.model.Effective;

/** SEC-008: Pop3LogPasswd 1 or 2 writes POP3 passwords in clear to the POP3 log. See {@link #INFO}. */
public final class Pop3PasswordsLogged implements Rule {

    public static final RuleInfo INFO = new RuleInfo("SEC-008", Severity.HIGH, Category.CREDENTIALS, RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE, Set.of(),
            List.of(Refs.readme("server.tab Pop3LogPasswd"), Refs.CWE532),
            List.of("\"Pop3LogPasswd\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("Pop3LogPasswd");
        long v = e.number().orElse(0);
        if (v != 1 && v != 2 || Pop3LogPasswords.pop3Logging(ctx)) {
            // With -Pl known to be on, OPT-005 reports the passwords being written.
            return List.of();
        }
        String known = ctx.startup().isPresent() ? ".nolog" : "";
        return List.of(Finding.of(INFO, Sec.var(ctx, e),
                Text.of((v == 1 ? "msg.SEC-008.failed" : "msg.SEC-008.always") + known, e.line(),
                        ctx.tab().printable(e.written())),
                Sec.varEvidence(ctx, e)));
    }
}
