package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;

/**
 * SEC-027: spammers.tab is missing. XMail opens it for every SMTP session and refuses every non-white-listed client
 * when it cannot: with the SmtpMsgIPBanSpammers text when that is set, else with 421 (SMTPSvr.cpp SMTPDoIPBasedInit,
 * checked with the real 1.27). See {@link #INFO}.
 */
public final class MissingSpammersTab implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-027",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPUtils.cpp USmtpSpammerCheck"),
                    References.source("SMTPSvr.cpp SMTPInitSession")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (ctx.root().exists(MailRootFile.SPAMMERS)) {
            return List.of();
        }
        Effective reply = ctx.tab().effective("SmtpMsgIPBanSpammers");
        if (reply.value() != null) {
            return List.of(Finding.of(
                    INFO,
                    Sec.missing(ctx),
                    INFO.message("missingReply", Evidence.show(ctx.tab(), reply.value())),
                    Evidence.setting(ctx.tab(), reply)));
        }
        return List.of(Finding.of(INFO, Sec.missing(ctx), INFO.message("missing")));
    }
}
