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
 * SEC-021 (strict): ReceivedHdrType 1 or 4 writes the server's own IP address into every Received: header.
 * See {@link #INFO}.
 */
public final class ReceivedServerAddress implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-021",
            Severity.LOW,
            Category.PRIVACY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.readme("server.tab ReceivedHdrType"),
                    References.rfc(5321, "7.6"),
                    References.rfc(2505, "2.2")),
            List.of("\"ReceivedHdrType\"\t\"3\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ServerTabValue.check(ctx, INFO, "ReceivedHdrType", v -> v == 1 || v == 4);
    }
}
