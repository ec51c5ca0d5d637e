package org.xmailkit.audit.rules.net;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/** NET-018: the certificate served has expired, or is not valid yet. */
public final class CertificateExpired implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-018",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(5280, "4.1.2.5"), References.rfc(6125, "6"), References.nist("3.5")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Instant now = ctx.now();
        return CertificateRules.perLeaf(ctx, INFO, (leaf, labels) -> {
            if (leaf.expired(now)) {
                return Optional.of(INFO.message("expired", labels, NetSupport.date(leaf.notAfter())));
            }
            if (leaf.notYetValid(now)) {
                return Optional.of(INFO.message("notYetValid", labels, NetSupport.date(leaf.notBefore())));
            }
            return Optional.empty();
        });
    }
}
