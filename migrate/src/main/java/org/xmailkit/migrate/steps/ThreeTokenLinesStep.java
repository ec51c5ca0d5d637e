package org.xmailkit.migrate.steps;

import java.util.List;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.XMailVersion;

/**
 * Reports (never edits) server.tab lines with three or more fields: older list-based readers skipped such a line
 * entirely, 1.27 uses its first two fields, so a line that never worked starts to work after the upgrade. In which
 * release the reader changed is not known; it was by the hash-based reader of the 1.24 era, so the step speaks up
 * when the source may predate 1.24.
 */
public final class ThreeTokenLinesStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "three-token-lines";

    static final XMailVersion READ_BY = XMailVersion.parse("1.24");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 1100;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.READ_CONFIG,
                References.LIST_READER,
                Reference.of("XMail 1.24/1.25-era source", "SvrUtils.cpp (hash-based reader, two or more tokens)"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        if (!ctx.source().mayBeBefore(READ_BY)) {
            return w.result();
        }
        for (TabRecord r : w.input().document().dataRecords()) {
            if (r.size() >= 3 && r.piece() == 0) {
                w.note(
                        Note.Level.DECIDE,
                        r.line(),
                        r.value(0),
                        MigrateMessages.text(
                                "note.three-token-lines",
                                w.show(r.value(0)),
                                w.show(r.value(1)),
                                Integer.toString(r.size())));
            }
        }
        return w.result();
    }
}
