package org.xmailkit.audit.rules.opt;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.model.References;

/**
 * OPT-010: XMail 1.27 does not start with this command line, or dies once it uses a value: an address it cannot
 * bind or resolve in the chosen family, more than 32 addresses for a service, an empty {@code -Ms}, a zero log
 * rotation with a log on, a zero queue split or DNS cache directory count. Verified against a real XMail 1.27 for
 * the addresses, the count and the log rotation (SIGFPE at the first log line).
 */
public final class StartFailure implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-010",
            Severity.CRITICAL,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    Opt.SETUP,
                    References.source("MiscUtils.cpp MscGetServerAddress, MscLogFilePath"),
                    References.source("SysDepCommon.cpp SysGetHostByName")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Issues.findings(ctx, INFO, i -> i.treatment().fatal() && i.code() != Code.BIND_CONFLICT);
    }
}
