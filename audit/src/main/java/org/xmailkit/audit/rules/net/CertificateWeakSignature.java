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
import org.xmailkit.model.References;

/** NET-022: the certificate served is signed with SHA-1 or MD5 (a self-signed leaf's own signature included). */
public final class CertificateWeakSignature implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-022",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(9155, "1"), References.nist("3.2.1")),
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
                (leaf, labels) -> leaf.weakSignature()
                        ? Optional.of(INFO.message("weak", labels, leaf.signatureAlgorithm()))
                        : Optional.empty());
    }
}
