package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;

/**
 * CFG-012: an SMTP reply message ({@code SmtpMsgIPBan*}) that is not a valid reply line. XMail sends the value
 * verbatim, so it must start with a three-digit code (RFC 5321 section 4.2), and a rejection should carry a 4xx or
 * 5xx code.
 */
public final class ReplyCode implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-012",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.RFC5321_REPLIES,
                    Reference.of("RFC 5321", "4.2.1"),
                    Reference.of(References.SOURCE, "SmtpMsgIPBan* replies sent verbatim (\"%s\")")),
            List.of());

    /**
     * The reply messages and the code of the reply XMail 1.27 sends when the message is not set (its built-in
     * replies, from its source), used in suggestions.
     */
    static final Map<String, String> REPLIES = Map.of(
            "SmtpMsgIPBan", "421",
            "SmtpMsgIPBanSpammers", "421",
            "SmtpMsgIPBanSpamAddress", "504",
            "SmtpMsgIPBanMaps", "550");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            String code = REPLIES.get(e.name());
            if (code == null) {
                continue;
            }
            Text message = problem(tab, e, code);
            if (message != null) {
                out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message));
            }
        }
        return out;
    }

    private static Text problem(ServerTab tab, Entry e, String builtin) {
        String v = e.value();
        String shown = Evidence.show(tab, v);
        if (v.isEmpty()) {
            return INFO.message("empty", e.name(), builtin);
        }
        if (v.length() < 3
                || !Character.isDigit(v.charAt(0))
                || !Character.isDigit(v.charAt(1))
                || !Character.isDigit(v.charAt(2))) {
            return INFO.message(
                    "noCode",
                    e.name(),
                    shown,
                    TabFindings.line(e.name(), builtin + " " + e.displayValue(tab.charset())));
        }
        String code = v.substring(0, 3);
        if (code.charAt(0) < '2' || code.charAt(0) > '5' || code.charAt(1) > '5') {
            return INFO.message("badCode", e.name(), code);
        }
        if (v.length() > 3 && v.charAt(3) == '-') {
            return INFO.message("continuation", e.name(), code);
        }
        if (v.length() > 3 && v.charAt(3) != ' ') {
            return INFO.message("noSpace", e.name(), code);
        }
        if (code.charAt(0) == '2' || code.charAt(0) == '3') {
            return INFO.message("notFailure", e.name(), code);
        }
        return null;
    }
}
