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
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;
import org.xmailkit.model.References;

/**
 * OPT-009: arguments XMail 1.27 ignores or reads differently from what is written (unknown or misspelt options,
 * missing or non-numeric values, ports that wrap, words no option takes), and parts of the origin xmailkit could not
 * read for certain (shell expansions, an EnvironmentFile, a registry value too long for XMail). XMail never
 * complains about any of them (verified: unknown options start it normally).
 */
public final class OptionIgnored implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-009",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    Opt.SETUP,
                    References.source("StrUtils.cpp StrCmdLineToken"),
                    References.source("MiscUtils.cpp MscSplitAddressPort"),
                    References.source("SysDepWin.cpp SysGetEnv"),
                    Opt.COMMAND_LINE),
            List.of());

    /** Issues other rules report. */
    private static final Set<Code> ELSEWHERE = Set.of(Code.BIND_CONFLICT, Code.REMOVED_OPTION);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean mine(OptionIssue i) {
        Treatment t = i.treatment();
        return !ELSEWHERE.contains(i.code())
                && (t == Treatment.IGNORED || t == Treatment.MISREAD || t == Treatment.UNDEFINED);
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return Issues.findings(ctx, INFO, OptionIgnored::mine);
    }
}
