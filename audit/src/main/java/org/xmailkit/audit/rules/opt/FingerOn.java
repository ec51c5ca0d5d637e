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
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/** OPT-006: the finger service runs (no {@code -F-}): an account directory on port 79 that few servers need. */
public final class FingerOn implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-006",
            Severity.LOW,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("MailSvr.cpp SvrSetupFING"),
                    References.source("FINGSvr.cpp FINGCheckPeerIP"),
                    Opt.COMMAND_LINE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        List<String> finger = Opt.listeners(s, l -> l.service() == Group.FINGER);
        if (finger.isEmpty()) {
            return List.of();
        }
        String access = Opt.access(ctx, MailRootFile.FINGER_IPMAP).name().toLowerCase(Locale.ROOT);
        return List.of(Opt.finding(
                INFO, Opt.at(ctx, Optional.empty()), INFO.message("" + access, String.join(", ", finger)), finger));
    }
}
