package org.xmailkit.audit.rules.sec;

import java.util.ArrayList;
import java.util.List;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Text;

/**
 * Rules about letters in DefaultSmtpPerms (1.27 default {@code MRVZ}). Only the upper-case letters count: XMail 1.27
 * switches on the exact characters M, R, V, T, Z and S (SMTPSvr.cpp; case is not recorded in the shared facts).
 */
final class DefaultPerms {

    static final String VAR = "DefaultSmtpPerms";

    private DefaultPerms() {}

    /**
     * @param ctx     the audit
     * @param info    the rule
     * @param letters the letters the rule is about
     * @return one finding when the effective value holds any of them
     */
    static List<Finding> check(AuditContext ctx, RuleInfo info, String letters) {
        Effective e = ctx.tab().effective(VAR);
        String value = e.value() == null ? "" : e.value();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (value.indexOf(c) >= 0) {
                found.add(String.valueOf(c));
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        String shown = Evidence.show(ctx.tab(), value);
        Text msg = e.isSet()
                ? info.message("set", e.line(), shown, String.join(", ", found))
                : info.message("default", shown, String.join(", ", found));
        return List.of(Finding.of(info, Sec.var(ctx, e), msg, Evidence.setting(ctx.tab(), e)));
    }
}
