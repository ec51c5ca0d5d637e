package org.xmailkit.audit.rules.opt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Category;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.startup.OptionIssue;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.startup.Switch;
import org.xmailkit.audit.startup.XMailOptions.Setting;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Text;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/**
 * OPT-011: options of the command line whose meaning changed since the source version, per the 1.27 ChangeLog:
 * {@code -Mr} counted days before 0.65 and hours since; options added after the source version were ignored by it
 * and take effect on 1.27 (the {@code -x-} switches since 1.24, {@code -M4}..{@code -M7} and {@code -x6} since 1.25,
 * ...); options removed since ({@code -Ma}, {@code -Mk}, {@code -Qx}) are ignored now.
 */
public final class OptionHistory implements Rule {

    /** {@code -Mr} counts hours from this version on (days before). */
    static final XMailVersion ROTATE_HOURS = XMailVersion.parse("0.65");

    public static final RuleInfo INFO = new RuleInfo(
            "OPT-011",
            Severity.MEDIUM,
            Category.UPGRADE,
            RuleInfo.BASELINE,
            RuleInfo.Fix.NONE,
            Set.of(RuleInfo.Need.STARTUP),
            List.of(Reference.of(References.CHANGELOG, "versions 0.61, 0.65, 1.24, 1.25"), Opt.COMMAND_LINE),
            List.of());

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> check(AuditContext ctx) {
        Startup s = Opt.startup(ctx);
        SourceVersion source = ctx.source();
        List<Finding> out = new ArrayList<>();
        for (Setting x : s.options().settings().values()) {
            Switch sw = x.option();
            Optional<XMailVersion> since = sw.since().map(XMailVersion::parse);
            // SMTPS, POP3S and CTRLS came with 1.24 as a whole; UPG-003 says what their opening changes.
            if (since.isPresent()
                    && source.mayBeBefore(since.get())
                    && !sw.group().implicitTls()) {
                out.add(at(
                        ctx,
                        s,
                        x.arg(),
                        INFO.message(
                                "added." + certainty(source, since.get()), sw.flag(), since.get(), source.display())));
            }
            if (sw == Switch.MR && source.mayBeBefore(ROTATE_HOURS)) {
                out.add(at(
                        ctx,
                        s,
                        x.arg(),
                        INFO.message("hours." + certainty(source, ROTATE_HOURS), x.written(), source.display())));
            }
        }
        for (OptionIssue i : s.options().issues()) {
            if (i.code() == OptionIssue.Code.REMOVED_OPTION) {
                out.add(at(
                        ctx,
                        s,
                        i.arg(),
                        INFO.message("removed", i.args().get(0), i.args().get(1))));
            }
        }
        return out;
    }

    private static Finding at(AuditContext ctx, Startup s, int arg, Text message) {
        return Opt.finding(INFO, Opt.at(ctx, s.args().get(arg).place()), message, List.of(Opt.evidence(s, arg)));
    }

    private static String certainty(SourceVersion source, XMailVersion change) {
        return source.certainlyBefore(change) ? "certain" : "may";
    }
}
