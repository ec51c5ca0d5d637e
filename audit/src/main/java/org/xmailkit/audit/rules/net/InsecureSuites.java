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
 * NET-016: the endpoint accepts cipher suites that protect nothing or next to nothing (NULL, anonymous, export,
 * RC4, single DES, MD5). XMail sets no cipher list of its own: it is the linked OpenSSL's default.
 */
public final class InsecureSuites implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-016",
            Severity.HIGH,
            Category.TLS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(9325, "4.1"), References.rfc(7465, "2"), References.nist("3.3.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return TlsProtocols.suites(ctx, INFO, Strength.INSECURE);
    }
}
