package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.References;

/**
 * SEC-034: an smtp.hnprop.tab line grants WhiteList, NoAuth, EnableVRFY, EnableETRN or SenderDomainCheck=0 by host
 * name, and XMail compares the name as a prefix of the client's unconfirmed PTR name: {@code mail.example.com} also
 * matches {@code mail.example.com.attacker.example}, which anyone controlling their own reverse DNS can claim. See
 * {@link #INFO}.
 */
public final class HostPropertyPrefixMatch implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-034",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("MiscUtils.cpp MscHostSubMatch"),
                    References.source("SvrUtils.cpp SvrEnumProtoProps")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        return HostProperties.each(ctx, (f, row) -> {
            String spec = row.column(0);
            List<String> grants = HostProperties.grants(row);
            if (grants.isEmpty() || HostProperties.match(spec) != HostProperties.Match.PREFIX) {
                return Optional.empty();
            }
            String prefix = Evidence.text(f.display(HostProperties.prefix(spec)));
            String example = prefix.isEmpty() || prefix.endsWith(".")
                    ? prefix + "attacker.example"
                    : prefix + ".attacker.example";
            return Optional.of(Finding.of(
                    INFO,
                    Sec.at(f, row.line()),
                    INFO.message(
                            "prefix", row.line(), Evidence.text(f.display(spec)), String.join(", ", grants), example),
                    Evidence.line(f, row.line())));
        });
    }
}
