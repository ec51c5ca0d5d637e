package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * SEC-022: NotifySendLogToSender 1 sends XMail's delivery log, with internal hosts and addresses, to the sender of a
 * failed message. See {@link #INFO}.
 */
public final class DeliveryLogToSender implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-022",
            Severity.LOW,
            Category.PRIVACY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.readme("server.tab NotifySendLogToSender"), References.rfc(5321, "7.6")),
            List.of("\"NotifySendLogToSender\"\t\"0\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ServerTabValue.check(ctx, INFO, "NotifySendLogToSender", v -> v != 0);
    }
}
