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
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Text;
import org.xmailkit.model.Variable;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.syntax.OptionList;
import org.xmailkit.model.syntax.SmtpConfigTokens;

/**
 * CFG-016: a token of {@code SmtpConfig} / {@code SmtpConfig-<ip>[,<port>]} that XMail 1.27 ignores: a space after
 * the comma, a different case ({@code Mail-Auth}), or a token that is not an SmtpConfig token at all
 * ({@code OutBind}). The policy the administrator wrote (authentication or TLS before MAIL FROM) is then not
 * enforced. Case differences in configurations that may predate 1.26 are UPG-006's.
 */
public final class SmtpConfigToken implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-016",
            Severity.HIGH,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.SAFE,
            Set.of(),
            List.of(References.SMTPCONFIG_TOKENS, References.OPTIONS),
            List.of());

    /**
     * The first version known to compare SmtpConfig tokens case-sensitively (SMTPSvr.cpp SMTPSvrCfgOptionsAssign
     * in the 1.26 and 1.27 sources; the 1.3-1.5 code ignored case).
     */
    public static final XMailVersion CASE_SENSITIVE_SINCE = XMailVersion.parse("1.26");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        boolean caseIsUpgrade = ctx.source().mayBeBefore(CASE_SENSITIVE_SINCE);
        List<Finding> out = new ArrayList<>();
        for (Entry e : tab.liveEntries()) {
            if (!applies(tab, e.name())) {
                continue;
            }
            SmtpConfigTokens tokens = SmtpConfigTokens.parse(e.value());
            String fixed = TabFindings.line(e.name(), Entry.decode(tokens.normalised(), tab.charset()));
            List<String> misspelled = new ArrayList<>();
            for (String[] m : tokens.misspelled()) {
                misspelled.add(m[0]);
                if (!m[0].equals(m[0].strip())) {
                    add(ctx, e, INFO.message("space", e.name(), Evidence.show(tab, m[0]), m[1], fixed), out);
                } else if (!caseIsUpgrade) {
                    add(ctx, e, INFO.message("case", e.name(), Evidence.show(tab, m[0]), m[1], fixed), out);
                }
            }
            for (OptionList.Option o : tokens.options().options()) {
                if (SmtpConfigTokens.KNOWN.contains(o.name()) || misspelled.contains(o.name())) {
                    continue;
                }
                add(
                        ctx,
                        e,
                        o.name().strip().equals("OutBind")
                                ? INFO.message("outBind", e.name())
                                : INFO.message("unknown", e.name(), Evidence.show(tab, o.name())),
                        out);
            }
        }
        return out;
    }

    /**
     * @param tab  server.tab
     * @param name a name
     * @return whether it is {@code SmtpConfig} or one of its per-address forms
     */
    public static boolean applies(ServerTab tab, String name) {
        return name.equals("SmtpConfig")
                || tab.catalog()
                        .find(name)
                        .map(v -> v.role() == Variable.Role.PATTERN)
                        .orElse(false);
    }

    private void add(AuditContext ctx, Entry e, Text message, List<Finding> out) {
        out.add(TabFindings.at(INFO, ctx, e, e.valueToken().column(), message));
    }
}
