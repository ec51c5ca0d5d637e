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
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.Values;
import org.xmailkit.model.upgrade.Removal;

/**
 * The {@code RBL-}, {@code RSS-}, {@code DUL-} (removed in 1.6) and {@code ORBS-MAPSCheck} (removed in 1.3) flags
 * became {@code CustMapsList} entries. The lists they queried no longer exist, so nothing is added to
 * CustMapsList: the lines are removed and an enabled check is reported with the code a replacement list would
 * need, for the administrator to decide.
 */
public final class MapsCheckStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "maps-check";
    /** The flags, in the order they are reported. */
    static final List<String> NAMES =
            Removal.MAPS_CHECKS.stream().map(Removal::variable).toList();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.changeLog("1.6"),
                References.changeLog("1.3"),
                References.changeLog("0.71"),
                References.readme("server.tab CustMapsList"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        ServerTab in = w.input();
        for (String name : NAMES) {
            List<Entry> all = in.entries(name);
            if (all.isEmpty()) {
                continue;
            }
            Entry live = all.get(0);
            var variable = in.catalog().get(name);
            boolean used = Sources.mayHaveRead(ctx.source(), variable);
            w.removeAll(name, reason());
            long v = Values.atoi(live.value()).orElse(0);
            if (!used) {
                w.note(
                        Note.Level.INFO,
                        live.line(),
                        name,
                        MigrateMessages.text(
                                "note.dead",
                                name,
                                variable.removedIn(),
                                ctx.source().display()));
            } else if (v == 0) {
                w.note(Note.Level.INFO, live.line(), name, MigrateMessages.text("note.maps-check.off", name));
            } else {
                // The facts record that these lists are gone but not their zone names, so none is named or added.
                // What the flag did under 0.71+ semantics, and the CustMapsList code that does the same.
                String did;
                String code;
                if (v < 0) {
                    did = "delay";
                    code = Long.toString(v);
                } else if (name.startsWith("DUL-")) {
                    did = "auth";
                    code = "0";
                } else {
                    did = "reject";
                    code = "1";
                }
                w.note(
                        Note.Level.DECIDE,
                        live.line(),
                        name,
                        MigrateMessages.text("note.maps-check.on." + did, name, Long.toString(Math.abs(v)), code));
            }
        }
        return w.result();
    }
}
