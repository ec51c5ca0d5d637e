package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Text;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;

/**
 * SEC-034: an smtp.hnprop.tab line grants WhiteList, NoAuth, EnableVRFY, EnableETRN or SenderDomainCheck=0 by host
 * name, and XMail compares the name as a prefix of the client's unconfirmed PTR name: {@code mail.example.com} also
 * matches {@code mail.example.com.attacker.example}, which anyone controlling their own reverse DNS can claim. See
 * {@link #INFO}.
 */
public final class HostPropertyPrefixMatch implements Rule {

    public static final RuleInfo INFO = new RuleInfo("SEC-034", Severity.HIGH, Category.ACCESS, RuleInfo.BASELINE,
            RuleInfo.Fix.NONE, Set.of(RuleInfo.Need.MAILROOT),
            List.of(Refs.src("MiscUtils.cpp MscHostSubMatch"), Refs.src("SvrUtils.cpp SvrEnumProtoProps")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Optional<TabFile> f = ctx.root().file(MailRootFile.SMTP_HNPROP);
        if (f.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (TabFile.Row row : f.get().rows()) {
            String spec = row.column(0);
            List<String> grants = HostProperties.grants(row);
            if (grants.isEmpty() || HostProperties.match(spec) != HostProperties.Match.PREFIX) {
                continue;
            }
            String prefix = Sec.printable(f.get().display(HostProperties.prefix(spec)));
            String example = prefix.isEmpty() || prefix.endsWith(".") ? prefix + "attacker.example"
                    : prefix + ".attacker.example";
            out.add(Finding.of(INFO, Sec.at(f.get(), row.line()),
                    Text.of("msg.SEC-034.prefix", row.line(), Sec.printable(f.get().display(spec)),
                            String.join(", ", grants), example),
                    Sec.line(f.get(), row.line())));
        }
        return out;
    }
}
