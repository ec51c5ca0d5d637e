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

/** TLS-003: CTRL {@code #!TLS} switched off ({@code EnableCTRL-TLS} 0, or {@code ""} which XMail reads as 0). */
public final class CtrlTlsDisabled implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "TLS-003",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(),
            List.of(References.source("CTRLSvr.cpp CTRLLogin"), References.rfc(9325, "3.2")),
            List.of("\"EnableCTRL-TLS\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return InboundSwitch.check(ctx, INFO, TlsSupport.ENABLE_CTRL_TLS);
    }
}
