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

/**
 * CFG-014: a {@code SmartDNSHost} value XMail rejects ({@code ""} or a single token): every MX lookup fails, so no
 * mail can be delivered to other domains by MX.
 */
public final class SmartDnsHostBroken implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-014",
            Severity.HIGH,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(Reference.of(References.SOURCE, "SmartDNSHost parsing (ERR_BAD_SMARTDNSHOST_SYNTAX)")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        List<Finding> out = new ArrayList<>();
        ctx.tab().entry("SmartDNSHost").ifPresent(e -> {
            List<String> tokens = tokens(e.value());
            if (tokens.isEmpty()) {
                out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), INFO.message("empty")));
            } else if (tokens.size() == 1) {
                String host = Entry.decode(tokens.get(0), ctx.tab().charset());
                out.add(TabFindings.at(
                        INFO,
                        ctx,
                        e,
                        e.valueToken().column(),
                        INFO.message(
                                "single",
                                Evidence.show(ctx.tab(), tokens.get(0)),
                                TabFindings.line(e.name(), host + ":udp"))));
            }
        });
        return out;
    }

    /**
     * The tokens XMail splits SmartDNSHost into: {@code StrTokenize} on {@code ,} and {@code :}, which (like
     * {@code strtok}) never yields an empty token.
     *
     * @param value the value
     * @return host and protocol tokens, alternating
     */
    static List<String> tokens(String value) {
        List<String> out = new ArrayList<>();
        for (String t : value.split("[,:]", -1)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
