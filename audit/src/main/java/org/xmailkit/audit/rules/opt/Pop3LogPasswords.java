package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Switch;
import org.xmailkit.model.Effective;
import org.xmailkit.model.References;

/**
 * OPT-005: {@code -Pl} is on and server.tab's Pop3LogPasswd is 1 or 2, so POP3Svr.cpp POP3LogSession writes POP3
 * passwords (of failed logins, or of all) into the POP3 log now; without {@code -Pl} there is no POP3 log at all.
 */
public final class Pop3LogPasswords implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-005",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("POP3Svr.cpp POP3LogSession"),
                    References.source("MailSvr.cpp SvrSetupPOP3"),
                    References.cwe(532)),
            List.of("\"Pop3LogPasswd\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * @param ctx an audit
     * @return whether the POP3 log is known to be on ({@code -Pl}, POP3 or POP3S running)
     */
    public static boolean pop3Logging(AuditContext ctx) {
        return ctx.startup()
                .map(s -> s.options().has(Switch.PL)
                        && (s.options().enabled(Group.POP3) || s.options().enabled(Group.POP3S)))
                .orElse(false);
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("Pop3LogPasswd");
        long v = e.number().orElse(0);
        if ((v != 1 && v != 2) || !pop3Logging(ctx)) {
            return List.of();
        }
        Startup s = Opt.startup(ctx);
        int arg = s.options().setting(Switch.PL).orElseThrow().arg();
        return List.of(Opt.finding(
                INFO,
                new Location(ctx.root().serverTabPath(), e.line(), e.line() > 0 ? 1 : 0, e.name()),
                INFO.message(
                        v == 1 ? "failed" : "always",
                        e.line(),
                        ctx.tab().printable(e.written()),
                        s.args().get(arg).text()),
                List.of(Opt.evidence(s, arg))));
    }
}
