package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Locale;
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
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/**
 * OPT-002: CTRL or CTRLS listens on every address (no {@code -CI} / {@code -WI}), so only ctrl.ipmap.tab stands
 * between the Internet and remote administration; the message says whether it keeps the Internet out.
 */
public final class CtrlOnEveryAddress implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-002",
            Severity.MEDIUM,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("MailSvr.cpp SvrSetupCTRL, SvrSetupCTRLS"),
                    References.source("MiscUtils.cpp MscCreateServerSockets"),
                    References.source("CTRLSvr.cpp CTRLCheckPeerIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        List<String> every =
                Opt.listeners(s, l -> (l.service() == Group.CTRL || l.service() == Group.CTRLS) && l.everyAddress());
        if (every.isEmpty()) {
            return List.of();
        }
        String access = Opt.access(ctx, MailRootFile.CTRL_IPMAP).name().toLowerCase(Locale.ROOT);
        return List.of(Opt.finding(
                INFO,
                Opt.at(ctx, Optional.of(Switch.CP).filter(s.options()::has)),
                INFO.message("" + access, String.join(", ", every)),
                every));
    }
}
