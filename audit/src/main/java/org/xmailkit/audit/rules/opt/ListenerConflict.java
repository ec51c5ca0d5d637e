package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.model.References;

/**
 * OPT-008: two services (or two addresses of one) on the same address and port. XMail binds them one after the
 * other (MiscUtils.cpp MscCreateServerSockets) with SO_REUSEADDR set: on Linux the second bind fails and XMail
 * does not start (verified: "Socket bind error"); on Windows both may bind and connections go to either.
 */
public final class ListenerConflict implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-008",
            Severity.HIGH,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("MiscUtils.cpp MscCreateServerSockets"),
                    References.source("SysDepUnix.cpp, SysDepWin.cpp SysSetSocketsOptions (SO_REUSEADDR)"),
                    Opt.SETUP),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Issues.findings(ctx, INFO, i -> i.code() == OptionIssue.Code.BIND_CONFLICT);
    }
}
