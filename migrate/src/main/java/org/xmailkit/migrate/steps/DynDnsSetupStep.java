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
import org.xmailkit.model.upgrade.Removal;

/**
 * Removes {@code DynDnsSetup}: XMail dropped its DynDNS client in 1.24, and the value holds the DynDNS provider's
 * credentials in clear text. The value is never shown; the backup keeps it.
 */
public final class DynDnsSetupStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "dyndns-setup";

    static final String NAME = Removal.DYNDNS_SETUP.variable();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<Reference> facts() {
        return List.of(References.changeLog("1.24"), Reference.of(References.CHANGELOG, "2000-02-29 (DynDnsSetup)"));
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        List<Entry> all = w.input().entries(NAME);
        if (all.isEmpty()) {
            return w.result();
        }
        Entry live = all.get(0);
        w.removeAll(NAME, reason());
        boolean used = Sources.mayHaveRead(ctx.source(), w.input().catalog().get(NAME));
        if (used && !live.value().isEmpty()) {
            w.note(Note.Level.BEHAVIOUR, live.line(), NAME, MigrateMessages.text("note.dyndns-setup.feature"));
        }
        w.note(Note.Level.DECIDE, live.line(), NAME, MigrateMessages.text("note.dyndns-setup.credentials"));
        return w.result();
    }
}
