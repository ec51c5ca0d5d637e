package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.opt.Pop3LogPasswords;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;

/** SEC-008: Pop3LogPasswd 1 or 2 writes POP3 passwords in clear to the POP3 log. See {@link #INFO}. */
public final class Pop3PasswordsLogged implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-008",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.readme("server.tab Pop3LogPasswd"), References.cwe(532)),
            List.of("\"Pop3LogPasswd\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("Pop3LogPasswd");
        long v = e.number().orElse(0);
        if ((v != 1 && v != 2) || Pop3LogPasswords.pop3Logging(ctx)) {
            // With -Pl known to be on, OPT-005 reports the passwords being written.
            return List.of();
        }
        String known = ctx.startup().isPresent() ? ".nolog" : "";
        return List.of(Finding.of(
                INFO,
                Sec.var(ctx, e),
                INFO.message((v == 1 ? "failed" : "always") + known, e.line(), Evidence.show(ctx.tab(), e.written())),
                Evidence.setting(ctx.tab(), e)));
    }
}
