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
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Platform;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Switch;
import org.xmailkit.model.References;

/**
 * OPT-007: {@code -Md} (debug mode) on a production server. With it SysLogMessage prints every message, errors
 * included, to standard output instead of sending warnings and errors to syslog or the Event Log
 * (SysDepUnix.cpp / SysDepWin.cpp SysLogMessage); a service or a detached daemon has no console, so errors are
 * lost. On Unix, -Md among XMail's own arguments also keeps it in the foreground (MainLinux.cpp
 * MnIsDebugStartup), while -Md in MAIL_CMD_LINE alone does not (verified: it still detached).
 */
public final class DebugMode implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-007",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("SysDepUnix.cpp, SysDepWin.cpp SysLogMessage"),
                    References.source("MainLinux.cpp MnIsDebugStartup"),
                    Opt.COMMAND_LINE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        if (!s.options().debug()) {
            return List.of();
        }
        int arg = s.options().setting(Switch.MD).orElseThrow().arg();
        boolean detached =
                s.options().issues().stream().anyMatch(i -> i.code() == OptionIssue.Code.DEBUG_NOT_FOREGROUND);
        String variant = s.platform() == Platform.WINDOWS
                ? "windows"
                : s.platform() == Platform.UNIX ? (detached ? "detached" : "foreground") : "any";
        return List.of(Opt.finding(
                INFO, Opt.at(ctx, Optional.of(Switch.MD)), INFO.message("" + variant), List.of(Opt.evidence(s, arg))));
    }
}
