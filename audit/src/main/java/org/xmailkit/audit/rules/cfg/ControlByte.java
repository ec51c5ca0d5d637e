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
import org.xmailkit.model.Problem;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.Text;

/** CFG-007: control bytes that change how XMail reads the file: NUL, a carriage return inside a line, Ctrl-Z. */
public final class ControlByte implements Rule {

    /** The rule's metadata. */
    public static final RuleInfo INFO = new RuleInfo(
            "CFG-007",
            Severity.MEDIUM,
            Category.VALIDITY,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(),
            List.of(
                    References.CONFIG_LINE,
                    Reference.of(References.SOURCE, "SvrUtils.cpp SvrReadConfig (fopen \"rt\")")),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        ServerTab tab = ctx.tab();
        List<Finding> out = new ArrayList<>();
        for (Problem p : tab.problems()) {
            Text message =
                    switch (p.code()) {
                        case NUL_BYTE ->
                            TabFindings.entryAt(tab, p.line())
                                    .map(e -> INFO.message(
                                            "nul.entry",
                                            p.column(),
                                            e.name(),
                                            Evidence.value(tab, e.name(), e.value())))
                                    .orElse(INFO.message("nul", p.column()));
                        case LONE_CR ->
                            crOnly(tab, p.line())
                                    ? INFO.message("cr.crOnly")
                                    : INFO.message(
                                            "cr",
                                            TabFindings.entryAt(tab, p.line())
                                                    .map(Entry::name)
                                                    .orElse(""));
                        case CTRL_Z -> INFO.message("ctrlZ", settingsAfter(tab, p.line()));
                        default -> null;
                    };
            if (message != null) {
                String variable =
                        TabFindings.entryAt(tab, p.line()).map(Entry::name).orElse("");
                out.add(TabFindings.atLine(INFO, ctx, p.line(), p.column(), variable, message));
            }
        }
        return out;
    }

    /** A file whose lines end in CR only (classic Mac OS) reads as one long line. */
    private static boolean crOnly(ServerTab tab, int line) {
        TabLine l = tab.document().line(line);
        return l.raw().chars().filter(c -> c == '\r').count() >= 2;
    }

    /** @return how many settings the file sets after the given line (XMail on Windows never sees them) */
    private static long settingsAfter(ServerTab tab, int line) {
        return tab.entries().stream().filter(e -> e.line() > line).count();
    }
}
