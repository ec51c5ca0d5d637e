package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
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

/**
 * CFG-013: non-ASCII bytes in text XMail sends on the wire: the SMTP reply messages, CustomSMTPMessage and
 * HeloDomain. XMail copies the bytes as they are; SMTP replies and EHLO names are ASCII, so Japanese text reaches
 * remote servers and mail clients as garbled characters.
 */
public final class NonAsciiReply implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-013",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(References.RFC5321_REPLIES, Reference.of("RFC 5321", "4.1.1.1"), References.RFC5321_SYNTAX),
            List.of());

    /** Values XMail sends in SMTP replies. */
    static final Set<String> REPLY_TEXT = Set.of(
            "SmtpMsgIPBan", "SmtpMsgIPBanSpammers", "SmtpMsgIPBanSpamAddress", "SmtpMsgIPBanMaps", "CustomSMTPMessage");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            boolean reply = REPLY_TEXT.contains(e.name());
            if ((reply || e.name().equals("HeloDomain")) && TabFindings.hasNonAscii(e.value())) {
                String shown = Evidence.show(tab, e.value());
                out.add(TabFindings.at(
                        INFO,
                        ctx,
                        e,
                        e.valueToken().column(),
                        INFO.message(
                                reply ? "reply" : "helo",
                                e.name(),
                                shown,
                                tab.charset().name())));
            }
        }
        return out;
    }
}
