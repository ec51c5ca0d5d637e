package org.xmailkit.migrate.steps;

import java.util.List;
import java.util.Optional;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Reference;
import org.xmailkit.model.References;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;
import org.xmailkit.model.version.MigrationRecord;

/**
 * Runs last: when the other steps changed anything, server.tab records the migration in a comment line
 * ({@link MigrationRecord}): its target and the source version range it assumed. Steps remove the very lines that
 * told the source version (a 1.24 server's {@code SMTP-TLS}, for one), and a later run reads the record to widen what
 * it infers from the migrated file, so that it does not act on a reading the first run ruled out. The first record
 * line is updated in place; a run that changes nothing else leaves it as it is, so the record itself never makes a
 * second run write.
 */
public final class RecordStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "record";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 1400; // last: the record of the migration needs every other edit
    }

    @Override
    public List<Reference> facts() {
        return List.of(References.READ_CONFIG, References.source("MiscUtils.cpp MscGetConfigLine (skips # lines)"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        if (files.sameBytes(ctx.original())) {
            return w.result();
        }
        String text = MigrationRecord.of(ctx.options().target(), ctx.source()).text();
        Optional<MigrationRecord> first =
                MigrationRecord.find(w.input()).records().stream().findFirst();
        Text why = MigrateMessages.text("change.record");
        if (first.isEmpty()) {
            w.tab(w.tab().appendRaw(List.of(text)));
            w.comment(text, why);
            return w.result();
        }
        int line = first.get().line();
        String now = w.input().document().line(line).reads(w.input().document().format()).stream()
                .map(TabRecord::text)
                .findFirst()
                .orElse("");
        if (!now.equals(text)) {
            w.tab(Edits.replaceLine(w.tab(), line, text));
            w.change(new Change(
                    Change.Kind.COMMENT, MailRootFile.SERVER_TAB, line, "#", "#", now, text, false, ID, why));
        }
        return w.result();
    }
}
