package org.xmailkit.audit.rules.upg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.audit.startup.Listener;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;

/**
 * UPG-003: coming from a version before 1.24, TLS appears on its own: STARTTLS, POP3 STLS and CTRL TLS default to
 * on, and the SMTPS (465), POP3S (995) and CTRLS (6018) listeners open unless XMail starts with {@code -X- -B- -W-};
 * when the command line is known, the message names the ones that really open.
 * Without {@code server.cert} and {@code server.key} clients that try TLS fail.
 */
public final class TlsOnByDefault implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-003",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.changeLog("1.24"), References.TLS_DEFAULTS),
            List.of());

    /** The TLS switches that default to on, in XMailCFG page order. */
    static final List<String> SWITCHES = List.of("EnableCTRL-TLS", "EnablePOP3-TLS", "EnableSMTP-TLS");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.V1_24)) {
            return List.of();
        }
        List<String> absent = new ArrayList<>();
        for (String s : SWITCHES) {
            if (!ctx.tab().has(s)) {
                absent.add(s);
            }
        }
        String certainty = Changes.certainty(ctx.source(), Changes.V1_24);
        if (ctx.startup().isPresent()) {
            // The real command line tells which of SMTPS, POP3S and CTRLS open.
            List<String> ssl = ctx.startup().get().options().describe(Listener::implicitTls);
            if (absent.isEmpty() && ssl.isEmpty()) {
                return List.of();
            }
            String shown = String.join(", ", ssl);
            String source = ctx.source().display();
            Text known = absent.isEmpty()
                    ? INFO.message("listeners.known." + certainty, source, shown)
                    : ssl.isEmpty()
                            ? INFO.message("closed." + certainty, ctx.source().display(), String.join(", ", absent))
                            : INFO.message(
                                    "known." + certainty, ctx.source().display(), String.join(", ", absent), shown);
            return List.of(TabFindings.atFile(INFO, ctx, absent.isEmpty() ? "" : absent.get(absent.size() - 1), known));
        }
        Text message = absent.isEmpty()
                ? INFO.message("listeners." + certainty, ctx.source().display())
                : INFO.message(certainty, ctx.source().display(), String.join(", ", absent));
        return List.of(TabFindings.atFile(INFO, ctx, absent.isEmpty() ? "" : absent.get(absent.size() - 1), message));
    }
}
