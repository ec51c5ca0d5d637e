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

/**
 * OPT-003 (strict): plain POP3 listens on every address; with no way in XMail to refuse USER/PASS before STLS,
 * passwords cross the Internet in clear whenever a client does not ask for TLS.
 */
public final class Pop3OnEveryAddress implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-003",
            Severity.LOW,
            Category.ACCESS,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(
                    References.source("MailSvr.cpp SvrSetupPOP3"),
                    References.source("POP3Svr.cpp POP3CheckPeerIP"),
                    References.rfc(2595, "2.3")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        List<String> every = Opt.listeners(s, l -> l.service() == Group.POP3 && l.everyAddress());
        if (every.isEmpty()) {
            return List.of();
        }
        String access = Opt.access(ctx, MailRootFile.POP3_IPMAP).name().toLowerCase(Locale.ROOT);
        return List.of(Opt.finding(
                INFO, Opt.at(ctx, Optional.empty()), INFO.message("" + access, String.join(", ", every)), every));
    }
}
