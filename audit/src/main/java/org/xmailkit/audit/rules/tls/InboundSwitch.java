package org.xmailkit.audit.rules.tls;

import java.util.List;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.Effective;

/** The check shared by TLS-001..003: a TLS upgrade switch written so that XMail reads it as 0. */
final class InboundSwitch {

    private InboundSwitch() {}

    /**
     * @param ctx      the audit
     * @param info     the rule
     * @param variable {@code EnableSMTP-TLS}, {@code EnablePOP3-TLS} or {@code EnableCTRL-TLS}
     * @return a finding when the file turns the switch off
     */
    static List<Finding> check(AuditContext ctx, RuleInfo info, String variable) {
        Effective e = ctx.tab().effective(variable);
        if (!e.isSet() || e.flag().orElse(true)) {
            return List.of();
        }
        String suffix =
                switch (e.reading()) {
                    case EMPTY_FLAG_IS_ZERO -> "empty";
                    case AS_WRITTEN -> "off";
                    default -> "readAsZero";
                };
        return List.of(Finding.of(
                info,
                TlsSupport.at(ctx, e),
                info.message(suffix, Evidence.show(ctx.tab(), e.written())),
                Evidence.setting(ctx.tab(), e)));
    }
}
