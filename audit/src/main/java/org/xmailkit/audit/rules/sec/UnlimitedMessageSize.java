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
 * SEC-024 (strict): MaxMessageSize is 0 or absent, so messages of any size are accepted. See {@link #INFO}.
 */
public final class UnlimitedMessageSize implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-024",
            Severity.LOW,
            Category.ABUSE,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(References.readme("server.tab MaxMessageSize"), References.rfc(5321, "7.8")),
            List.of("\"MaxMessageSize\"\t\"20480\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ServerTabValue.check(ctx, INFO, "MaxMessageSize", v -> v <= 0);
    }
}
