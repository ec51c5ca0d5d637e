package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.Reference;
import org.xmailkit.audit.rules.cfg.References;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.MigrationText;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Values;

/**
 * {@code HeloUseRootDomain} (0.68 to 0.70) was replaced by {@code HeloDomain} in 0.71. The values differ in kind:
 * the old flag 1 meant "greet with RootDomain's value", so the new line carries RootDomain's value; 0 meant the
 * default greeting, which is what an absent HeloDomain gives, so nothing is carried. An enabled flag is carried
 * only when the source certainly read it; when it may or may not have, the line is left for the administrator.
 */
public final class HeloRootDomainStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "helo-root-domain";
    static final String OLD = "HeloUseRootDomain";
    static final String NEW = "HeloDomain";
    static final String ROOT = "RootDomain";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Reference> facts() {
        return List.of(References.changeLog("0.71"), References.changeLog("0.68"),
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
        if (in.has(NEW)) {
            w.removeAll(OLD, MigrationText.of("change.removed.superseded", OLD, NEW));
            w.note(on ? Note.Level.CONFLICT : Note.Level.INFO, live.line(), OLD,
                    MigrationText.of(on ? "note.helo-root-domain.conflict" : "note.helo-root-domain.keep",
                            w.show(in.entry(NEW).orElseThrow().value())));
            return w.result();
        }
        Sources.Read read = Sources.read(ctx.source(), in.catalog().get(OLD));
        if (read == Sources.Read.NO) {
            w.removeAll(OLD, MigrationText.of("change.removed.dead", OLD, "0.71"));
            w.note(Note.Level.INFO, live.line(), OLD, MigrationText.of("note.dead", OLD, "0.71",
                    ctx.source().display()));
            return w.result();
        }
        if (!on) {
            w.removeAll(OLD, MigrationText.of("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.INFO, live.line(), OLD, MigrationText.of("note.helo-root-domain.off"));
            return w.result();
        }
        if (read == Sources.Read.MAYBE) {
            // Carrying the greeting is right only if the server read the flag: left for the administrator.
            w.note(Note.Level.DECIDE, live.line(), OLD, MigrationText.of("note.helo-root-domain.uncertain",
                    ctx.source().display()));
            return w.result();
        }
        Optional<Entry> root = in.entry(ROOT);
        if (root.isEmpty() || root.get().value().isEmpty()) {
            w.removeAll(OLD, MigrationText.of("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.DECIDE, live.line(), OLD, MigrationText.of("note.helo-root-domain.noRoot"));
            return w.result();
        }
        try {
            w.renameLive(OLD, NEW, root.get().value());
        } catch (EditException e) {
            w.removeAll(OLD, MigrationText.of("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.DECIDE, live.line(), OLD, MigrationText.of("note.unwritable", NEW,
                    (MigrationText.Localized) e::message));
        }
        return w.result();
    }
}
