package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Values;

/** VRFY / ETRN for everyone: the server.tab flag, or an smtp.ipprop.tab property on a huge range. */
final class CommandGrants {

    private CommandGrants() {}

    static List<Finding> check(AuditContext ctx, RuleInfo info, String flag, String property) {
        List<Finding> out = new ArrayList<>();
        Effective e = ctx.tab().effective(flag);
        if (e.flag().orElse(false)) {
            out.add(Finding.of(
                    info,
                    Sec.var(ctx, e),
                    info.message("flag", e.line(), Evidence.show(ctx.tab(), e.written())),
                    Evidence.setting(ctx.tab(), e)));
        }
        Optional<TabFile> ipprop = ctx.root().file(MailRootFile.SMTP_IPPROP);
        if (ipprop.isEmpty()) {
            return out;
        }
        for (TabFile.Row row : ipprop.get().rows()) {
            if (!(AddressFilter.read(row.columns(), 1) instanceof AddressFilter.Parsed p)) {
                continue;
            }
            if (!grants(row, property)) {
                continue;
            }
            AddressFilter f = p.filter();
            int v4 = f.ipv4FreeBits();
            boolean everyone = f.matchesEveryIpv4() || f.matchesEveryIpv6();
            boolean broad = v4 > BroadRelayRange.ANY_LIMIT
                    || (v4 > BroadRelayRange.PUBLIC_LIMIT && !RelayEntries.within(f, RelayEntries.NON_PUBLIC))
                    || f.ipv6FreeBits() > BroadRelayRange.IPV6_LIMIT;
            if (everyone || broad) {
                out.add(Finding.of(
                        info,
                        Sec.at(ipprop.get(), row.line()),
                        info.message(
                                everyone ? "ippropEveryone" : "ippropBroad",
                                row.line(),
                                Evidence.text(ipprop.get().display(row.column(0)))),
                        Evidence.line(ipprop.get(), row.line())));
            }
        }
        return out;
    }

    /**
     * SMTPEnumIPPropsCB: a property column names it exactly (case-sensitive), bare or with a non-zero value; a later
     * column of the same line overrides an earlier one.
     */
    static boolean grants(TabFile.Row row, String property) {
        boolean on = false;
        for (int i = 1; i < row.size(); i++) {
            String c = row.column(i);
            int eq = c.indexOf('=');
            String name = eq < 0 ? c : c.substring(0, eq);
            if (name.equals(property)) {
                on = eq < 0 || Values.atoi(c.substring(eq + 1)).orElse(0) != 0;
            }
        }
        return on;
    }
}
