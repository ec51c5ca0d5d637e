package org.xmailkit.audit.rules.net;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.NetContext;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.NetRule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.tls.CertificateFacts;
import org.xmailkit.model.References;

/** NET-021: the certificate served has an RSA or DSA key under 2048 bits, or an EC key under 224 bits. */
public final class CertificateWeakKey implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-021",
            Severity.HIGH,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(9325, "4.5"), References.nist("3.2.1")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        return CertificateRules.perLeaf(
                ctx,
                INFO,
                (leaf, labels) -> leaf.weakKey()
                        ? Optional.of(INFO.message(
                                "weak",
                                labels,
                                leaf.keyDescription(),
                                CertificateFacts.MIN_RSA_BITS,
                                CertificateFacts.MIN_EC_BITS))
                        : Optional.empty());
    }
}
