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
 * SEC-020 (strict): the X-AuthUser: header, which names the account a message was sent with, is added to mail
 * (DisableEmitAuthUser 0, the default). See {@link #INFO}.
 */
public final class AuthUserHeader implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-020",
            Severity.LOW,
            Category.PRIVACY,
            RuleInfo.STRICT_ONLY,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.readme("server.tab DisableEmitAuthUser"), References.rfc(5321, "7.6")),
            List.of("\"DisableEmitAuthUser\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return ServerTabValue.check(ctx, INFO, "DisableEmitAuthUser", v -> v == 0);
    }
}
