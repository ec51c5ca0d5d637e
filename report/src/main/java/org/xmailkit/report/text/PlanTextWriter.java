package org.xmailkit.report.text;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.audit.Finding;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Note;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.Text;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.report.AuditDelta;
import org.xmailkit.report.OutputTexts;

/**
 * A migration plan for people, beside the audit's {@link TextWriter}: the server and its source version with the
 * evidence, each change in file order with its step and reason, the notes, the audit before and after, and the
 * unified diff. The stream given must escape control characters (a terminal stream): paths and values from a
 * MailRoot pass through it.
 */
public final class PlanTextWriter {

    private final Locale locale;

    /** @param locale the language */
    public PlanTextWriter(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * Writes everything but the diff.
     *
     * @param out   where
     * @param path  the server as the user named it
     * @param r     the plan
     * @param audit the audit before and after it
     */
    public void plan(PrintStream out, Path path, MigrationResult r, AuditDelta audit) {
        out.println("== " + Origins.display(path) + "  (" + r.source().display() + " -> "
                + r.options().target() + ")");
        source(out, r.source());
        if (r.changes().isEmpty()) {
            out.println(msg("plan.noChanges"));
        } else {
            out.println(msg("plan.changes", r.changes().size()));
            // In file order, new lines last, so the plan reads alongside the diff.
            List<Change> sorted = new ArrayList<>(r.changes());
            sorted.sort(Comparator.comparing((Change c) -> c.file())
                    .thenComparingInt(c -> c.line() == 0 ? Integer.MAX_VALUE : c.line()));
            for (Change c : sorted) {
                out.println("  " + change(c) + "   [" + c.stepId() + "]");
                out.println("      " + c.reason().render(locale));
            }
        }
        if (!r.notes().isEmpty()) {
            out.println(msg("plan.notes", r.notes().size()));
            for (Note n : r.notes()) {
                String where = n.where();
                out.println("  " + Columns.cell(msg("plan.level." + n.level().name()), 10) + " " + where + "  "
                        + n.text().render(locale) + "   [" + n.stepId() + "]");
            }
        }
        audit(out, audit);
    }

    /**
     * @param out where
     * @param r   the plan
     */
    public void diff(PrintStream out, MigrationResult r) {
        for (String line : r.diff()) {
            out.println(line);
        }
    }

    private void source(PrintStream out, SourceVersion s) {
        if (s.given()) {
            out.println(msg("plan.source.given", s.display()));
            return;
        }
        out.println(msg("plan.source.detected", s.display()));
        for (Text t : s.evidence()) {
            out.println("    - " + t.render(locale));
        }
    }

    private void audit(PrintStream out, AuditDelta audit) {
        if (audit.error().isPresent()) {
            out.println(msg("plan.audit.unavailable", audit.error().get()));
            return;
        }
        out.println(msg(
                "plan.audit",
                audit.before().size(),
                audit.after().size(),
                audit.resolved().size(),
                audit.introduced().size()));
        for (Finding f : audit.resolved()) {
            out.println("  " + msg("plan.audit.resolved") + " " + finding(f));
        }
        for (Finding f : audit.introduced()) {
            out.println("  " + msg("plan.audit.introduced") + " " + finding(f));
        }
    }

    private String finding(Finding f) {
        String file = f.location().file().getFileName() == null
                ? ""
                : f.location().file().getFileName().toString();
        return f.rule().id() + " " + file
                + (f.location().line() > 0 ? ":" + f.location().line() : "") + "  " + f.message(locale);
    }

    /** The kind column: 8 wide, or wider when a label in the language needs it (Japanese). */
    private int kindWidth() {
        int widest = 0;
        for (Change.Kind k : Change.Kind.values()) {
            widest = Math.max(widest, Columns.width(msg("plan.kind." + k.name())));
        }
        return Math.max(8, widest + 1);
    }

    private String change(Change c) {
        String where = Columns.cell(c.file().fileName() + ":" + (c.line() > 0 ? Integer.toString(c.line()) : "+"), 18);
        String kind = Columns.cell(msg("plan.kind." + c.kind().name()), kindWidth());
        String what =
                switch (c.kind()) {
                    case ADD -> c.newName() + " = " + quote(c.newValue());
                    case SET -> c.name() + ": " + quote(c.oldValue()) + " -> " + quote(c.newValue());
                    case RENAME ->
                        c.name() + " -> " + c.newName()
                                + (c.newValue() != null && c.newValue().equals(c.oldValue())
                                        ? " = " + quote(c.newValue())
                                        : ": " + quote(c.oldValue()) + " -> " + quote(c.newValue()));
                    case REMOVE -> c.name() + " = " + (c.secret() ? Secrets.MASK : quote(c.oldValue()));
                    case COMMENT -> c.newValue();
                };
        return where + kind + what;
    }

    private static String quote(String value) {
        return value == null ? "" : "\"" + value + "\"";
    }

    private String msg(String key, Object... args) {
        return OutputTexts.get(locale, key, args);
    }
}
