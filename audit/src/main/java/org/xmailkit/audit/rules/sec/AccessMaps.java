package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.net.IpMap;
import org.xmailkit.audit.net.Probes;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;

/** "Open to anyone" checks over an ipmap file (missing file, ALLOW-all, or nothing that denies Internet clients). */
final class AccessMaps {

    static final List<MailRootFile> ALL = List.of(
            MailRootFile.SMTP_IPMAP, MailRootFile.POP3_IPMAP, MailRootFile.CTRL_IPMAP, MailRootFile.FINGER_IPMAP);

    private AccessMaps() {}

    /**
     * @param ctx   the audit
     * @param info  the rule (its messages {@code missing}, {@code allowAll} and {@code noDeny})
     * @param kind  the ipmap file
     * @param extra a value appended to every message's arguments
     * @return a finding when the map admits the Internet at large
     */
    static List<Finding> openToAnyone(AuditContext ctx, RuleInfo info, MailRootFile kind, Object extra) {
        return openToAnyone(ctx, info, kind, "", extra, "");
    }

    /**
     * @param ctx       the audit
     * @param info      the rule
     * @param kind      the ipmap file
     * @param suffix    appended to the message keys ({@code .listening} when the listeners are known)
     * @param extra     a value appended to every message's arguments
     * @param listeners the service's listeners, appended after it
     * @return a finding when the map admits the Internet at large
     */
    static List<Finding> openToAnyone(
            AuditContext ctx, RuleInfo info, MailRootFile kind, String suffix, Object extra, String listeners) {
        Optional<TabFile> file = ctx.root().file(kind);
        if (file.isEmpty()) {
            return List.of(Finding.of(
                    info, Sec.missing(ctx), info.message("missing" + suffix, kind.fileName(), extra, listeners)));
        }
        IpMap map = IpMap.of(ctx, kind);
        if (!Probes.admitsInternet(map)) {
            return List.of();
        }
        Optional<IpMap.Rule> by = map.decide(Probes.PUBLIC_V4.get(0)).decidedBy();
        if (by.isPresent()) {
            int line = by.get().line();
            return List.of(Finding.of(
                    info,
                    Sec.at(file.get(), line),
                    info.message(
                            "allowAll" + suffix,
                            line,
                            Sec.columns(file.get(), by.get().row()),
                            extra,
                            listeners),
                    Evidence.line(file.get(), line)));
        }
        return List.of(Finding.of(
                info, Sec.at(file.get()), info.message("noDeny" + suffix, kind.fileName(), extra, listeners)));
    }
}
