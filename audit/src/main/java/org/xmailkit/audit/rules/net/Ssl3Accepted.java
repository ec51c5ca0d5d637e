package org.xmailkit.audit.rules.net;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * NET-013: SSL 3.0 is accepted. XMail sets no protocol versions of its own: they are the linked
 * OpenSSL's defaults (the Windows 1.27 release shipped OpenSSL 0.9.8l).
 */
public final class Ssl3Accepted implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-013",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(
                    References.rfc(7568, "1"),
                    References.rfc(9325, "3.1.1"),
                    References.source("SSLBind.cpp BSslBindServer")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return TlsProtocols.accepted(ctx, INFO, List.of("SSLv3"));
    }
}
