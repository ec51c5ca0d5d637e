package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Values;

/**
 * smtp.hnprop.tab host specs as MiscUtils.cpp MscHostSubMatch compares them (the file is read by SvrUtils.cpp
 * SvrEnumProtoProps).
 */
final class HostProperties {

    /** How a spec matches a client's PTR name. */
    enum Match {
        /** Case-insensitive prefix match on the PTR name (no leading dot, or leading and trailing dot). */
        PREFIX,
        /** Leading dot without trailing dot: compared from one byte before the name, practically never matches. */
        NEVER
    }

    private HostProperties() {}

    /** Runs a per-line check over smtp.hnprop.tab, when the MailRoot has one. */
    static List<Finding> each(AuditContext ctx, BiFunction<TabFile, TabFile.Row, Optional<Finding>> check) {
        List<Finding> out = new ArrayList<>();
        Optional<TabFile> f = ctx.root().file(MailRootFile.SMTP_HNPROP);
        if (f.isPresent()) {
            for (TabFile.Row row : f.get().rows()) {
                check.apply(f.get(), row).ifPresent(out::add);
            }
        }
        return out;
    }

    static Match match(String spec) {
        return spec.startsWith(".") && !spec.endsWith(".") ? Match.NEVER : Match.PREFIX;
    }

    /** @return the text a PTR name must start with for a prefix spec */
    static String prefix(String spec) {
        String s = spec.startsWith(".") ? spec.substring(1) : spec;
        // A trailing dot is excluded from the compared length.
        return s.endsWith(".") && !spec.startsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** @return the properties a line grants (bare or non-zero; SenderDomainCheck only as =0) */
    static List<String> grants(TabFile.Row row) {
        List<String> out = new ArrayList<>();
        for (String p : StartTlsWipesRestrictions.IPPROP_FLAGS) {
            if (CommandGrants.grants(row, p)) {
                out.add(p);
            }
        }
        for (int i = 1; i < row.size(); i++) {
            String c = row.column(i);
            if (c.startsWith("SenderDomainCheck=")
                    && Values.atoi(c.substring(18)).orElse(0) == 0) {
                out.add("SenderDomainCheck=0");
            }
        }
        return out;
    }
}
