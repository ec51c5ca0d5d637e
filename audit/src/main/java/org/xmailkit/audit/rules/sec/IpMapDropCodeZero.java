package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
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
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.References;
import org.xmailkit.model.TabFile;

/**
 * SEC-018: SMTP-IpMapDropCode is 0 while smtp.ipmap.tab has DENY rules. XMail 1.27 sets a flag for denied clients and
 * never reads it, so they send mail without authentication exactly as if allowed. See {@link #INFO}.
 */
public final class IpMapDropCodeZero implements Rule {

    public static final RuleInfo INFO = new RuleInfo(
            "SEC-018",
            Severity.HIGH,
            Category.ACCESS,
            RuleInfo.BASELINE,
            RuleInfo.Fix.OPT_IN,
            Set.of(RuleInfo.Need.MAILROOT),
            List.of(
                    References.source("SMTPSvr.cpp SMTPCheckPeerIP (SMTPF_IPMAPPED_IP)"),
                    References.readme("server.tab SMTP-IpMapDropCode")),
            List.of("\"SMTP-IpMapDropCode\"\t\"1\""));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Effective e = ctx.tab().effective("SMTP-IpMapDropCode");
        if (e.number().orElse(1) != 0) {
            return List.of();
        }
        Optional<TabFile> file = ctx.root().file(MailRootFile.SMTP_IPMAP);
        List<IpMap.Rule> deny = IpMap.of(ctx, MailRootFile.SMTP_IPMAP).rules().stream()
                .filter(r -> !r.allow())
                .toList();
        if (deny.isEmpty()) {
            return List.of();
        }
        String written = e.written() == null ? "" : Evidence.show(ctx.tab(), e.written());
        List<String> evidence = new ArrayList<>(List.of(Evidence.setting(ctx.tab(), e)));
        evidence.add(Evidence.line(file.get(), deny.get(0).line()));
        return List.of(Finding.of(
                INFO,
                Sec.var(ctx, e),
                INFO.message(
                        "dropZero", e.line(), written, deny.size(), deny.get(0).line()),
                evidence.toArray(String[]::new)));
    }
}
