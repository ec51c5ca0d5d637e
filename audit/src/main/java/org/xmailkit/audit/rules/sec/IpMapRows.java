package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.net.AddressFilter;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;

/** Runs a per-line check over the four ipmap files. */
final class IpMapRows {

    private IpMapRows() {}

    /** @return whether MscLoadAddressFilter reads the line as a rule (a literal or a host name) */
    static boolean isRule(TabFile.Row row) {
        return !(AddressFilter.read(row.columns(), row.size()) instanceof AddressFilter.Invalid);
    }

    static List<Finding> each(
            AuditContext ctx, BiFunction<TabFile, TabFile.Row, Optional<Finding>> check, boolean shortRows) {
        List<Finding> out = new ArrayList<>();
        for (MailRootFile kind : AccessMaps.ALL) {
            Optional<TabFile> f = ctx.root().file(kind);
            if (f.isEmpty()) {
                continue;
            }
            for (TabFile.Row row : shortRows ? f.get().shortRows() : f.get().rows()) {
                check.apply(f.get(), row).ifPresent(out::add);
            }
        }
        return out;
    }
}
