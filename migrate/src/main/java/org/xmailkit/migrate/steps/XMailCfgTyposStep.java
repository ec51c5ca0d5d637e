package org.xmailkit.migrate.steps;

import java.util.List;
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

/**
 * XMailCFG's page shows {@code SmtpMsgIPBandMaps} and {@code SmtpMsgIPBanSpammres}; XMail reads only
 * {@code SmtpMsgIPBanMaps} and {@code SmtpMsgIPBanSpammers}, so a misspelt line never took effect. The value moves
 * to the name XMail reads. When both spellings are set the correct one wins and the misspelt line is removed:
 * XMail never read it, the backup keeps it, and leaving it would keep a line that looks effective and is not.
 */
public final class XMailCfgTyposStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "xmailcfg-typos";
    /** Misspelling, then the name XMail reads. */
    static final List<String[]> ALIASES = List.of(
            new String[] {"SmtpMsgIPBandMaps", "SmtpMsgIPBanMaps"},
            new String[] {"SmtpMsgIPBanSpammres", "SmtpMsgIPBanSpammers"});

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.XMAILCFG_PAGE,
                References.readme("server.tab SmtpMsgIPBanMaps, SmtpMsgIPBanSpammers"),
                References.READ_CONFIG);
    }

    @Override
    public StepResult apply(ServerFiles files, StepContext ctx) {
        Work w = new Work(files, ID, reason());
        ServerTab in = w.input();
        for (String[] pair : ALIASES) {
            String alias = pair[0];
            String real = pair[1];
            List<Entry> all = in.entries(alias);
            if (all.isEmpty()) {
                continue;
            }
            Entry live = all.get(0);
            if (in.has(real)) {
                Entry kept = in.entry(real).orElseThrow();
                w.removeAll(alias, MigrateMessages.text("change.removed.superseded", alias, real));
                boolean same = kept.value().equals(live.value());
                w.note(
                        same ? Note.Level.INFO : Note.Level.CONFLICT,
                        live.line(),
                        alias,
                        MigrateMessages.text(
                                same ? "note.superseded.same" : "note.superseded.conflict",
                                alias,
                                real,
                                w.show(live.value()),
                                w.show(kept.value())));
                continue;
            }
            try {
                w.renameLive(alias, real);
            } catch (EditException e) {
                w.note(Note.Level.DECIDE, live.line(), alias, MigrateMessages.text("note.unwritable", real, (Localized)
                        e::message));
                continue;
            }
            w.note(Note.Level.BEHAVIOUR, live.line(), real, MigrateMessages.text("note.xmailcfg-typos.nowRead", real));
        }
        return w.result();
    }
}
