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
 * SEC-023 (strict): SMTP-MaxErrors is 0 or absent, so a client may provoke error replies without limit.
 * See {@link #INFO}.
 */
public final class UnlimitedSmtpErrors implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-023",
            Severity.LOW,
            Category.ABUSE,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.readme("server.tab SMTP-MaxErrors"),
                    References.rfc(5321, "7.8"),
                    References.rfc(2505, "2.8")),
            List.of("\"SMTP-MaxErrors\"\t\"20\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ServerTabValue.check(ctx, INFO, "SMTP-MaxErrors", v -> v <= 0);
    }
}
