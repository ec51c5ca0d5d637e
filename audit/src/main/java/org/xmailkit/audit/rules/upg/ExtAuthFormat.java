package org.xmailkit.audit.rules.upg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * UPG-012: smtpextauth.tab entries in a MailRoot that may predate 1.24, which reworked external SMTP
 * authentication (new file format) and removed external SMTP client authentication.
 */
public final class ExtAuthFormat implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-012",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.changeLog("1.24"),
                    Reference.of(References.SOURCE, "SMTPSvr.cpp SMTPGetAuthExternal, SMTPExternalAuthenticate")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.V1_24)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        ctx.root().file(MailRootFile.SMTP_EXTAUTH).ifPresent(f -> {
            List<TabFile.Row> rows = f.rows();
            if (!rows.isEmpty()) {
                int line = rows.get(0).line();
                out.add(Finding.of(
                        INFO,
                        new Location(f.path(), line, 1, ""),
                        INFO.message(
                                "" + Changes.certainty(ctx.source(), Changes.V1_24),
                                rows.size(),
                                ctx.source().display()),
                        Evidence.line(f, line)));
            }
        });
        return out;
    }
}
