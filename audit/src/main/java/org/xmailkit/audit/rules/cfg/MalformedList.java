package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.xmailkit.model.Values;
import org.xmailkit.model.syntax.CustMapsList;

/**
 * CFG-015: list values XMail reads differently from how they look: {@code CustMapsList} items XMail stops at, codes
 * that are not plain numbers or that delay instead of rejecting; {@code SmartDNSHost} pairs; {@code NotifyTryPattern}
 * items XMail skips; {@code FetchHdrTags} {@code +} items after plain ones; spaces inside items; values longer than
 * XMail's buffer.
 */
public final class MalformedList implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-015",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    Reference.of(References.SOURCE, "CustMapsList parser (zone:code items, atoi codes)"),
                    Reference.of(References.SOURCE, "SvrUtils.cpp SvrConfigVar (fixed-size buffers)"),
                    References.readme("SERVER.TAB VARIABLES (FetchHdrTags, NotifyTryPattern)")),
            List.of());

    /** The buffer XMail copies NotifyTryPattern into (SvrUtils.cpp SvrConfigVar, which truncates silently). */
    static final int NOTIFY_BUFFER = 126;
    /** The buffer XMail copies FetchHdrTags into. */
    static final int FETCH_BUFFER = 254;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        tab.entry("CustMapsList").ifPresent(e -> custMaps(ctx, tab, e, out));
        tab.entry("SmartDNSHost").ifPresent(e -> smartDns(ctx, tab, e, out));
        tab.entry("NotifyTryPattern").ifPresent(e -> notifyTry(ctx, tab, e, out));
        tab.entry("FetchHdrTags").ifPresent(e -> fetchTags(ctx, tab, e, out));
        return out;
    }

    private void custMaps(AuditContext ctx, ServerTab tab, Entry e, List<Finding> out) {
        CustMapsList list = CustMapsList.parse(e.value());
        for (CustMapsList.Zone z : list.entries()) {
            String zone = Evidence.show(tab, z.zone());
            if (z.zone().isEmpty()) {
                add(ctx, e, INFO.message("custMapsZone", Evidence.show(tab, z.zone() + ":" + z.codeText())), out);
            } else if (hasSpace(z.zone())) {
                add(ctx, e, INFO.message("space", e.name(), zone), out);
            }
            if (!Values.isPlainInteger(z.codeText())) {
                add(ctx, e, INFO.message("custMapsCode", zone, Evidence.show(tab, z.codeText()), z.code()), out);
            } else if (z.code() >= 2) {
                add(ctx, e, INFO.message("custMapsDelay", zone, z.code()), out);
            }
        }
        if (!list.ignored().isEmpty()) {
            add(ctx, e, INFO.message("custMapsStop", Evidence.show(tab, list.ignored())), out);
        }
    }

    private void smartDns(AuditContext ctx, ServerTab tab, Entry e, List<Finding> out) {
        List<String> tokens = SmartDnsHostBroken.tokens(e.value());
        if (tokens.size() < 2) {
            return; // CFG-014
        }
        for (String item : e.value().split(",", -1)) {
            if (item.chars().filter(c -> c == ':').count() > 1) {
                add(ctx, e, INFO.message("smartDnsIpv6", Evidence.show(tab, item)), out);
                return; // the pairing below is meaningless once an address has been split
            }
            if (hasSpace(item)) {
                add(ctx, e, INFO.message("space", e.name(), Evidence.show(tab, item)), out);
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i += 2) {
            String proto = tokens.get(i + 1).toLowerCase(Locale.ROOT);
            if (!proto.equals("tcp") && !proto.equals("udp")) {
                add(
                        ctx,
                        e,
                        INFO.message(
                                "smartDnsProto",
                                Evidence.show(tab, tokens.get(i)),
                                Evidence.show(tab, tokens.get(i + 1))),
                        out);
            }
        }
        if (tokens.size() % 2 == 1) {
            String last = Evidence.show(tab, tokens.get(tokens.size() - 1));
            add(ctx, e, INFO.message("smartDnsOdd", last), out);
        }
    }

    private void notifyTry(AuditContext ctx, ServerTab tab, Entry e, List<Finding> out) {
        for (String item : e.value().split(",", -1)) {
            if (!item.isEmpty() && !Character.isDigit(item.charAt(0))) {
                add(ctx, e, INFO.message("notifySkipped", Evidence.show(tab, item)), out);
            }
        }
        truncated(ctx, e, NOTIFY_BUFFER, out);
    }

    private void fetchTags(AuditContext ctx, ServerTab tab, Entry e, List<Finding> out) {
        String plain = null;
        for (String item : e.value().split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            if (hasSpace(item)) {
                add(ctx, e, INFO.message("space", e.name(), Evidence.show(tab, item)), out);
            }
            if (item.startsWith("+") && plain != null) {
                add(ctx, e, INFO.message("fetchOrder", Evidence.show(tab, item), Evidence.show(tab, plain)), out);
            } else if (!item.startsWith("+") && plain == null) {
                plain = item;
            }
        }
        truncated(ctx, e, FETCH_BUFFER, out);
    }

    private void truncated(AuditContext ctx, Entry e, int buffer, List<Finding> out) {
        if (e.value().length() >= buffer) {
            add(ctx, e, INFO.message("truncated", e.name(), e.value().length(), buffer - 1), out);
        }
    }

    private static boolean hasSpace(String s) {
        return s.indexOf(' ') >= 0;
    }

    private void add(AuditContext ctx, Entry e, Text message, List<Finding> out) {
        out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message));
    }
}
