package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Switch;
import org.xmailkit.model.References;

/**
 * OPT-004: {@code -Cl} turns on the CTRL log, and CTRLSvr.cpp CTRLLogSession writes the password field of every
 * CTRL login into it, three times per login (request, then success or failure). A clear-text login stores the
 * password itself; an MD5 login ({@code #} and a digest) stores only the digest. Verified against a real XMail
 * 1.27: after one clear-text and one MD5 login the log held the password twice and then only the digest.
 */
public final class CtrlLogPasswords implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-004",
            Severity.HIGH,
            Category.CREDENTIALS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("CTRLSvr.cpp CTRLLogSession, CTRLLogin"),
                    References.source("MailSvr.cpp SvrSetupCTRL"),
                    References.cwe(532)),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        if (!s.options().has(Switch.CL)
                || (!s.options().enabled(Group.CTRL) && !s.options().enabled(Group.CTRLS))) {
            return List.of();
        }
        int arg = s.options().setting(Switch.CL).orElseThrow().arg();
        return List.of(Opt.finding(
                INFO,
                Opt.at(ctx, Optional.of(Switch.CL)),
                INFO.message("logged", s.args().get(arg).text()),
                List.of(Opt.evidence(s, arg))));
    }
}
