package org.xmailkit.audit.rules.opt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Startup;

/** One finding per issue of the command line, its message being the issue's own (startup bundle). */
final class Issues {

    private Issues() {}

    static List<Finding> findings(AuditContext ctx, RuleInfo info, Predicate<OptionIssue> which) {
        Startup s = Opt.startup(ctx);
        List<Finding> out = new ArrayList<>();
        for (OptionIssue i : s.issues()) {
            if (which.test(i)) {
                out.add(Opt.finding(info, Opt.at(ctx, i), info.message("issue", i), List.of(Opt.evidence(s, i.arg()))));
            }
        }
        return out;
    }
}
