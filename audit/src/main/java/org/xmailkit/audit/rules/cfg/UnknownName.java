package org.xmailkit.audit.rules.cfg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.model.Problem;
import org.xmailkit.model.ProblemCode;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;
import org.xmailkit.model.Variable;

/** CFG-001: a name XMail 1.27 does not read (typo, case, spaces, byte order mark, another product's setting). */
public final class UnknownName implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-001",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.READ_CONFIG,
                    References.TOKENS,
                    Reference.of("XMail 1.27 source", "MiscUtils.cpp MscStringCompareCB (strcmp)")),
            List.of());

    /**
     * Settings of AfterLogic's XMail Server Pro, a commercial derivative (its documentation, as quoted on third-party
     * web pages), and the XMail start option that sets the same port, from
     * the options XMailCFG writes ({@code -Cp 6017 -Wp 6018 -Fp 79 -Pp 110 -Bp 995 -Sp 25 -Xp 465}).
     */
    static final Map<String, String> AFTERLOGIC_PORTS = Map.of(
            "ControlPort",
            "-Cp",
            "ControlPortSSL",
            "-Wp",
            "SmtpPort",
            "-Sp",
            "SmtpPortSSL",
            "-Xp",
            "Pop3Port",
            "-Pp",
            "FingerPort",
            "-Fp");
    /** AfterLogic IMAP settings: XMail has no IMAP server at all. */
    static final Set<String> AFTERLOGIC_IMAP = Set.of("ImapPort", "ImapPortSSL");
    /** Read only by the unofficial post-1.27 GerHobbelt fork (its QueueUtils.cpp; no official release has it). */
    static final Set<String> FORK_ONLY = Set.of("NoBounceToReplyAddress");

    private static final String BOM = "\u00EF\u00BB\u00BF";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Problem p : tab.problems()) {
            if (p.code() == ProblemCode.BOM) {
                out.add(bom(ctx, tab));
            } else if (p.code() == ProblemCode.UNKNOWN_NAME || p.code() == ProblemCode.NAME_WHITESPACE) {
                TabFindings.record(tab, p.line()).ifPresent(r -> out.add(unknown(ctx, tab, r, p.column())));
            }
        }
        return out;
    }

    private Finding unknown(AuditContext ctx, ServerTab tab, TabRecord r, int column) {
        String name = r.value(0);
        String shown = Evidence.name(tab, name);
        Text message;
        if (AFTERLOGIC_PORTS.containsKey(name)) {
            message = INFO.message("unknown.afterlogic", shown, AFTERLOGIC_PORTS.get(name));
        } else if (AFTERLOGIC_IMAP.contains(name)) {
            message = INFO.message("unknown.afterlogicImap", shown);
        } else if (FORK_ONLY.contains(name)) {
            message = INFO.message("unknown.fork", shown);
        } else {
            Optional<String> suggestion = tab.catalog().suggest(name);
            if (suggestion.isEmpty()) {
                message = INFO.message("unknown.plain", shown);
            } else {
                String s = suggestion.get();
                boolean removed = tab.catalog()
                        .find(s)
                        .map(v -> v.role() == Variable.Role.REMOVED)
                        .orElse(false);
                if (!name.equals(name.strip()) && name.strip().equals(s)) {
                    message = INFO.message("unknown.whitespace", shown, s);
                } else if (name.strip().equalsIgnoreCase(s)) {
                    message = INFO.message("unknown.case", shown, s);
                } else if (removed) {
                    message = INFO.message("unknown.suggestRemoved", shown, s);
                } else {
                    message = INFO.message("unknown.suggest", shown, s);
                }
            }
        }
        return TabFindings.atLine(INFO, ctx, r.line(), column, name, message);
    }

    private Finding bom(AuditContext ctx, ServerTab tab) {
        Optional<TabRecord> first = TabFindings.record(tab, 1);
        if (first.isEmpty()) {
            return TabFindings.atLine(INFO, ctx, 1, 1, "", INFO.message("bom.other"));
        }
        TabRecord r = first.get();
        String rest = r.text().startsWith(BOM) ? r.text().substring(BOM.length()) : r.text();
        if (rest.startsWith("#")) {
            return TabFindings.atLine(INFO, ctx, 1, 1, "", INFO.message("bom.comment"));
        }
        if (r.size() >= 2) {
            String meant = tab.catalog()
                    .suggest(r.value(0))
                    .orElse(Evidence.show(
                            tab,
                            stripQuotes(r.value(0).startsWith(BOM) ? r.value(0).substring(BOM.length()) : r.value(0))));
            return TabFindings.atLine(INFO, ctx, 1, 1, meant, INFO.message("bom.setting", meant));
        }
        return TabFindings.atLine(INFO, ctx, 1, 1, "", INFO.message("bom.other"));
    }

    private static String stripQuotes(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
