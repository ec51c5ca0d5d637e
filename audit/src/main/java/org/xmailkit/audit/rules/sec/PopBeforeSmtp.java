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
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/** SEC-004: POP-before-SMTP is on, explicitly or because EnableAuthSMTP-POP3 is absent. See {@link #INFO}. */
public final class PopBeforeSmtp implements Rule {

    static final String VAR = "EnableAuthSMTP-POP3";

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-004",
            Severity.MEDIUM,
            Category.RELAY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.readme("server.tab EnableAuthSMTP-POP3"),
                    References.source("SMTPSvr.cpp SMTPCheckRelayCapability"),
                    References.rfc(6409, "4.3")),
            List.of("\"EnableAuthSMTP-POP3\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective(VAR);
        if (!e.flag().orElse(true)) {
            return List.of();
        }
        String perms = ctx.tab().effective("DefaultSmtpPerms").value();
        Text msg = e.isSet()
                ? INFO.message("set", e.line(), Evidence.show(ctx.tab(), e.written()), perms)
                : INFO.message("default", perms);
        return List.of(Finding.of(INFO, Sec.var(ctx, e), msg, Evidence.setting(ctx.tab(), e)));
    }
}
