package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Localized;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Values;
import org.xmailkit.model.upgrade.Removal;

/**
 * {@code HeloUseRootDomain} (0.68 to 0.70) was replaced by {@code HeloDomain} in 0.71. The values differ in kind:
 * the old flag 1 meant "greet with RootDomain's value", so the new line carries RootDomain's value; 0 meant the
 * default greeting, which is what an absent HeloDomain gives, so nothing is carried. An enabled flag is carried
 * only when the source certainly read it; when it may or may not have, the line is left for the administrator.
 */
public final class HeloRootDomainStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "helo-root-domain";

    static final String OLD = Removal.HELO_USE_ROOT_DOMAIN.variable();
    static final String NEW = Removal.HELO_USE_ROOT_DOMAIN.replacedBy().orElseThrow();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.changeLog("0.71"),
                References.changeLog("0.68"),
                References.source("HeloDomain default (reverse DNS of the local address)"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        ServerTab in = w.input();
        List<Entry> all = in.entries(OLD);
        if (all.isEmpty()) {
            return w.result();
        }
        Entry live = all.get(0);
        boolean on = Values.atoi(live.value()).orElse(0) != 0;
        if (Removal.HELO_USE_ROOT_DOMAIN.superseded(in)) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.superseded", OLD, NEW));
            w.note(
                    on ? Note.Level.CONFLICT : Note.Level.INFO,
                    live.line(),
                    OLD,
                    MigrateMessages.text(
                            on ? "note.helo-root-domain.conflict" : "note.helo-root-domain.keep",
                            w.show(in.entry(NEW).orElseThrow().value())));
            return w.result();
        }
        Sources.Read read = Sources.read(ctx.source(), in.catalog().get(OLD));
        if (read == Sources.Read.NO) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.dead", OLD, "0.71"));
            w.note(
                    Note.Level.INFO,
                    live.line(),
                    OLD,
                    MigrateMessages.text("note.dead", OLD, "0.71", ctx.source().display()));
            return w.result();
        }
        if (!on) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.INFO, live.line(), OLD, MigrateMessages.text("note.helo-root-domain.off"));
            return w.result();
        }
        if (read == Sources.Read.MAYBE) {
            // Carrying the greeting is right only if the server read the flag: left for the administrator.
            w.note(
                    Note.Level.DECIDE,
                    live.line(),
                    OLD,
                    MigrateMessages.text(
                            "note.helo-root-domain.uncertain", ctx.source().display()));
            return w.result();
        }
        // The rule's fix (Removal.replacement): HeloDomain with RootDomain's value, the line UPG-001 shows.
        Optional<Removal.Setting> fix = Removal.HELO_USE_ROOT_DOMAIN.replacement(in, live);
        if (fix.isEmpty()) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.DECIDE, live.line(), OLD, MigrateMessages.text("note.helo-root-domain.noRoot"));
            return w.result();
        }
        try {
            w.renameLive(OLD, fix.get().name(), fix.get().value());
        } catch (EditException e) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.DECIDE, live.line(), OLD, MigrateMessages.text("note.unwritable", NEW, (Localized)
                    e::message));
        }
        return w.result();
    }
}
