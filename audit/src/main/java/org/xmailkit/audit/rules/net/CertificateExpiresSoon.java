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

/** NET-019: the certificate served expires within the warning threshold ({@code --cert-warn-days}, 60 by default). */
public final class CertificateExpiresSoon implements NetRule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "NET-019",
            Severity.MEDIUM,
            Category.CERTIFICATE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.PROBE),
            List.of(References.rfc(5280, "4.1.2.5"), References.nist("3.5")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<NetFinding> check(NetContext ctx) {
        Instant now = ctx.now();
        int days = ctx.options().certWarnDays();
        return CertificateRules.perLeaf(ctx, INFO, (leaf, labels) -> {
            if (leaf.expired(now) || leaf.notYetValid(now) || leaf.daysLeft(now) > days) {
                return Optional.empty();
            }
            return Optional.of(
                    INFO.message("soon", labels, NetSupport.date(leaf.notAfter()), leaf.daysLeft(now), days));
        });
    }
}
