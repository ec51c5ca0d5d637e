package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.Group;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/**
 * SEC-036: finger (port 79, on unless XMail runs with {@code -F-}) answers any address: finger.ipmap.tab is missing
 * or admits everyone, as shipped. See {@link #INFO}.
 */
public final class FingerOpenToAnyone implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-036",
            Severity.MEDIUM,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(References.source("MiscUtils.cpp MscCheckAllowedIP")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (ctx.startup().isPresent()) {
            // The real command line: finger turned off with -F-, or bound to loopback only, answers no outsider.
            List<String> open =
                    ctx.startup().get().options().describe(l -> !l.loopback() && l.service() == Group.FINGER);
            return open.isEmpty()
                    ? List.of()
                    : AccessMaps.openToAnyone(
                            ctx, INFO, MailRootFile.FINGER_IPMAP, ".listening", "", String.join(", ", open));
        }
        return AccessMaps.openToAnyone(ctx, INFO, MailRootFile.FINGER_IPMAP, "");
    }
}
