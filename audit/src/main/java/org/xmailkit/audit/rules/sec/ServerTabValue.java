package org.xmailkit.audit.rules.sec;

import java.util.List;
import java.util.function.LongPredicate;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Text;

/** A finding about one numeric server.tab value: {@code msg.<id>.set} (line, written) or {@code msg.<id>.default}. */
final class ServerTabValue {

    private ServerTabValue() {}

    /**
     * @param ctx  the audit
     * @param info the rule
     * @param name the variable
     * @param bad  whether the effective number is a problem
     * @return one finding when it is
     */
    static List<Finding> check(AuditContext ctx, RuleInfo info, String name, LongPredicate bad) {
        Effective e = ctx.tab().effective(name);
        long v = e.number().orElse(0);
        if (!bad.test(v)) {
            return List.of();
        }
        Text msg = e.isSet()
                ? info.message("set", e.line(), Evidence.show(ctx.tab(), e.written()), v)
                : info.message("default", v);
        return List.of(Finding.of(info, Sec.var(ctx, e), msg, Evidence.setting(ctx.tab(), e)));
    }
}
