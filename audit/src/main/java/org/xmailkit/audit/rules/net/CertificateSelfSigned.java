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

/** NET-024: the certificate served is self-signed. */
public final class CertificateSelfSigned implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-024",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(6125, "6"), References.rfc(8314, "4.4")),
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
                (leaf, labels) -> leaf.selfSigned()
                        ? Optional.of(INFO.message("selfSigned", labels, leaf.subject()))
                        : Optional.empty());
    }
}
