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
 * NET-014: TLS 1.0 or TLS 1.1 is accepted. XMail sets no protocol versions of its own: they are the linked
 * OpenSSL's defaults (the Windows 1.27 release shipped OpenSSL 0.9.8l).
 */
public final class LegacyTlsAccepted implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-014",
            Severity.MEDIUM,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(8996, "5"), References.rfc(9325, "3.1.1"), References.nist("3.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return TlsProtocols.accepted(ctx, INFO, List.of("TLSv1.1", "TLSv1"));
    }
}
