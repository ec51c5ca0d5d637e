package org.xmailkit.audit.rules.tls;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/** TLS-002: POP3 STLS switched off ({@code EnablePOP3-TLS} 0, or {@code ""} which XMail reads as 0). */
public final class Pop3StlsDisabled implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-002",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(
                    References.source("POP3Svr.cpp POP3HandleCmd_STLS"),
                    References.rfc(2595, "2.3"),
                    References.rfc(8314, "4.1")),
            List.of("\"EnablePOP3-TLS\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return InboundSwitch.check(ctx, INFO, TlsSupport.ENABLE_POP3_TLS);
    }
}
