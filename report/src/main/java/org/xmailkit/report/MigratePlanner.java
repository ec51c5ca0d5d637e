package org.xmailkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.FileResult;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.Note;
import org.xmailkit.model.EditException;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.report.MigrationView.DiffFile;
import org.xmailkit.report.MigrationView.NoteView;
import org.xmailkit.report.MigrationView.PlannedChange;

/**
 * The report's view of a dry-run migration: plans it with the {@link AuditedMigrator} (which writes nothing) and
 * turns its {@link MigrationResult} and audit delta into a {@link MigrationView}, translated and scrubbed of secrets.
 */
public final class MigratePlanner implements MigrationPlanner {

    private final AuditedMigrator migrator;
    private final MigrationOptions options;
    private final AuditOptions audit;

    /**
     * A planner whose audit before and after the migration uses the defaults for the target.
     *
     * @param migrator the migrator
     * @param options  how to migrate
     */
    public MigratePlanner(AuditedMigrator migrator, MigrationOptions options) {
        this(migrator, options, null);
    }

    /**
     * A planner for servers audited with given options: when they are the ones a migration audits with
     * ({@link AuditedMigrator#auditOptions}), the audit each server comes with is the findings before the migration,
     * not made again.
     *
     * @param migrator the migrator
     * @param options  how to migrate
     * @param audit    how the servers were audited, or null for the defaults
     */
    public MigratePlanner(AuditedMigrator migrator, MigrationOptions options, AuditOptions audit) {
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.options = Objects.requireNonNull(options, "options");
        this.audit = audit;
    }

    @Override
    public MigrationView plan(MailRoot root, AuditResult before, Secrets secrets, Locale locale) {
        String target = options.target().toString();
        // The audit has already inferred the source version from this server.tab; it is inferred again only when
        // this planner was given --from and the audit was not, or the other way round.
        SourceVersion source =
                options.from().isEmpty() && !before.source().given() ? before.source() : Migrator.source(root, options);
        AuditedMigrator.Planned r;
        try {
            boolean same = before.source().earliest().equals(source.earliest())
                    && before.source().latest().equals(source.latest());
            r = same && AuditedMigrator.auditOptions(options).equals(audit)
                    ? migrator.plan(root, options, source, Optional.of(before.findings()))
                    : migrator.plan(root, options, source);
        } catch (InputException e) {
            return MigrationView.failed(target, e.oneLine(locale));
        } catch (EditException e) {
            return MigrationView.failed(target, secrets.scrub(e.message(locale)));
        }
        return view(r.result(), r.delta(), root, secrets, locale);
    }

    /**
     * @param r       a migration result
     * @param audit   the audit before and after it
     * @param root    the server
     * @param secrets what must not be shown
     * @param locale  the language
     * @return the view
     */
    MigrationView view(MigrationResult r, AuditDelta audit, MailRoot root, Secrets secrets, Locale locale) {
        String target = r.options().target().toString();
        Path base = root.bare() ? root.serverTabPath().toAbsolutePath().getParent() : root.directory();
        List<PlannedChange> changes = new ArrayList<>();
        for (Change c : r.changes()) {
            String where = c.file().fileName() + (c.line() > 0 ? ":" + c.line() : "");
            String name = c.kind() == Change.Kind.RENAME && !c.newName().equals(c.name())
                    ? c.name() + " \u2192 " + c.newName()
                    : c.name();
            String old = c.secret() ? Secrets.MASK : secrets.scrub(c.oldValue() == null ? "" : c.oldValue());
            changes.add(new PlannedChange(
                    where,
                    ReportMessages.get(locale, "change." + c.kind().id()),
                    secrets.scrub(name),
                    old,
                    secrets.scrub(c.newValue() == null ? "" : c.newValue()),
                    c.stepId(),
                    secrets.scrub(c.reason().render(locale))));
        }
        List<DiffFile> diffs = new ArrayList<>();
        for (FileResult f : r.changedFiles()) {
            diffs.add(MigrationViews.diff(relative(base, f.path()), f.diff(), secrets));
        }
        List<String> behaviour = new ArrayList<>();
        List<NoteView> notes = new ArrayList<>();
        for (Note n : r.notes()) {
            String text = secrets.scrub(n.text().render(locale));
            if (n.level() == Note.Level.BEHAVIOUR) {
                behaviour.add(text);
            } else {
                notes.add(new NoteView(n.level().id(), n.where(), text));
            }
        }
        MigrationView.AuditComparison delta = null;
        if (audit.error().isPresent()) {
            notes.add(new NoteView(
                    "info",
                    "",
                    ReportMessages.get(
                            locale,
                            "migration.noDelta",
                            secrets.scrub(audit.error().get()))));
        } else {
            delta = MigrationViews.delta(audit, rule -> rule.title(locale));
        }
        return MigrationView.planned(target, changes, diffs, behaviour, notes, delta);
    }

    private static String relative(Path base, Path file) {
        Path b = base.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        return f.startsWith(b) ? b.relativize(f).toString().replace('\\', '/') : String.valueOf(f.getFileName());
    }
}
