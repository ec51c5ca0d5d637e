package org.xmailkit.migrate.steps;

import java.util.List;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.Values;
import org.xmailkit.model.upgrade.Removal;

/**
 * {@code SMTP-RARPCheck} was renamed {@code SMTP-RDNSCheck} in 0.55. A line the source read is renamed, value
 * kept; when {@code SMTP-RDNSCheck} is set too, it wins and the old line goes; a line no plausible source version
 * read is removed rather than renamed, since renaming it would switch on a check the server never ran. When the
 * source may or may not have read an enabled check, the line is left for the administrator to decide.
 */
public final class RarpCheckStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "rename-rarp-check";

    static final String OLD = Removal.RARP_CHECK.variable();
    static final String NEW = Removal.RARP_CHECK.replacedBy().orElseThrow();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<Reference> facts() {
        return List.of(References.changeLog("0.55"), References.changeLog("0.71"), References.ACCESSORS);
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        List<Entry> all = w.input().entries(OLD);
        if (all.isEmpty()) {
            return w.result();
        }
        Entry live = all.get(0);
        if (Removal.RARP_CHECK.superseded(w.input())) {
            Entry current = w.input().entry(NEW).orElseThrow();
            w.removeAll(OLD, MigrateMessages.text("change.removed.superseded", OLD, NEW));
            boolean same = Values.atoi(live.value()).orElse(0)
                    == Values.atoi(current.value()).orElse(0);
            w.note(
                    same ? Note.Level.INFO : Note.Level.CONFLICT,
                    live.line(),
                    OLD,
                    MigrateMessages.text(
                            same ? "note.superseded.same" : "note.superseded.conflict",
                            OLD,
                            NEW,
                            w.show(live.value()),
                            w.show(current.value())));
            return w.result();
        }
        // A line no plausible source version read is removed, not renamed: renaming would start a check never run.
        Sources.Read read = Sources.read(ctx.source(), w.input().catalog().get(OLD));
        if (read == Sources.Read.NO) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.dead", OLD, "0.55"));
            w.note(
                    Note.Level.INFO,
                    live.line(),
                    OLD,
                    MigrateMessages.text("note.dead", OLD, "0.55", ctx.source().display()));
            return w.result();
        }
        long v = Values.atoi(live.value()).orElse(0);
        // Renaming an enabled check is right only if the server read the line; an off value (SMTP-RDNSCheck's
        // default) reads the same either way, so it is renamed whatever the range.
        if (read == Sources.Read.MAYBE && v != 0) {
            w.note(
                    Note.Level.DECIDE,
                    live.line(),
                    OLD,
                    MigrateMessages.text(
                            "note.rename-rarp-check.uncertain",
                            w.show(live.value()),
                            ctx.source().display()));
            return w.result();
        }
        // The rule's fix (Removal.replacement): the same name and value UPG-001 shows.
        Removal.Setting fix = Removal.RARP_CHECK.replacement(w.input(), live).orElseThrow();
        w.renameLive(OLD, fix.name(), fix.value());
        if (v != 0) {
            w.note(
                    Note.Level.INFO,
                    live.line(),
                    NEW,
                    MigrateMessages.text(
                            v > 0 ? "note.rename-rarp-check.refuse" : "note.rename-rarp-check.delay",
                            Long.toString(Math.abs(v))));
        }
        return w.result();
    }
}
