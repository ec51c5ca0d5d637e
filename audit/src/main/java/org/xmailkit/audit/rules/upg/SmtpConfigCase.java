package org.xmailkit.audit.rules.upg;

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
import org.xmailkit.audit.rules.cfg.SmtpConfigToken;
import org.xmailkit.audit.rules.cfg.TabFindings;
import org.xmailkit.model.Entry;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.syntax.SmtpConfigTokens;

/**
 * UPG-006: an SmtpConfig token in another case ({@code Mail-Auth}, {@code MAIL-AUTH}) in a configuration that may
 * predate 1.26. Older XMail (at least 1.3 to 1.5) compared {@code mail-auth} ignoring case; 1.26 and later compare
 * exactly and ignore it, so the policy silently stops after the upgrade.
 */
public final class SmtpConfigCase implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "UPG-006",
            Severity.HIGH,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.SMTPCONFIG_TOKENS, References.SMTPCONFIG_TOKENS_OLD),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        if (!ctx.source().mayBeBefore(Changes.V1_26)) {
            return List.of(); // CFG-016 reports these as plain configuration errors
        }
        ServerTab tab = ctx.tab();
        String key = "" + Changes.certainty(ctx.source(), Changes.V1_26);
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            if (!SmtpConfigToken.applies(tab, e.name())) {
                continue;
            }
            SmtpConfigTokens tokens = SmtpConfigTokens.parse(e.value());
            String fixed = TabFindings.line(e.name(), Entry.decode(tokens.normalised(), tab.charset()));
            for (String[] m : tokens.misspelled()) {
                if (m[0].equals(m[0].strip())) {
                    out.add(TabFindings.at(
                            INFO,
                            ctx,
                            e,
                            e.valueToken().column(),
                            INFO.message(
                                    key,
                                    e.name(),
                                    Evidence.show(tab, m[0]),
                                    m[1],
                                    fixed,
                                    ctx.source().display())));
                }
            }
        }
        return out;
    }
}
