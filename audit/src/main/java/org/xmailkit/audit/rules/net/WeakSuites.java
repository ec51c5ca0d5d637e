package org.xmailkit.audit.rules.net;

import java.util.List;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.Strength;
import org.xmailkit.model.References;

/**
 * NET-017: the endpoint accepts cipher suites without forward secrecy (static RSA key exchange) or with 3DES.
 * XMail sets no cipher list of its own: it is the linked OpenSSL's default.
 */
public final class WeakSuites implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-017",
            Severity.LOW,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(9325, "4.1"), References.rfc(9325, "4.2"), References.nist("3.3.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return TlsProtocols.suites(ctx, INFO, Strength.WEAK);
    }
}
