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
import org.xmailkit.model.syntax.OptionList;
import org.xmailkit.model.upgrade.Removal;

/**
 * {@code SMTP-TLS} existed only in 1.24; 1.25 replaced it with {@code SmtpGwConfig} options. An enabled
 * {@code SMTP-TLS} becomes {@code NeedTLS=1} (try STARTTLS, fall back to clear text), merged into an existing
 * {@code SmtpGwConfig}, whose own {@code NeedTLS} wins; a disabled one is removed, as no {@code NeedTLS} means
 * clear text. An enabled {@code SMTP-TLS} is carried over only when the source certainly read it.
 */
public final class SmtpTlsStep implements MigrationStep {

    /** The step id. */
    public static final String ID = "smtp-tls";

    static final String OLD = Removal.SMTP_TLS.variable();
    static final String TARGET = Removal.SMTP_TLS.replacedBy().orElseThrow();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 600; // after xmailcfg-gwconfig, so SMTP-TLS merges into a complete SmtpGwConfig
    }

    @Override
    public List<Reference> facts() {
        return List.of(
                References.changeLog("1.25"),
                References.changeLog("1.24"),
                References.GATEWAY_OPTIONS,
                References.readme("SMTP GATEWAY CONFIGURATION"));
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
        // No 1.24 source was at hand to check SMTP-TLS's parse type; read as a flag, as the 1.24 ChangeLog words it.
        boolean on = Values.atoi(live.value()).orElse(0) != 0;
        Sources.Read read = Sources.read(ctx.source(), in.catalog().get(OLD));
        if (read == Sources.Read.NO) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.dead", OLD, "1.25"));
            w.note(
                    Note.Level.INFO,
                    live.line(),
                    OLD,
                    MigrateMessages.text(
                            "note.dead.range", OLD, "1.24", "1.25", ctx.source().display()));
            return w.result();
        }
        if (!on) {
            w.removeAll(OLD, MigrateMessages.text("change.removed.nothingToCarry", OLD));
            w.note(Note.Level.INFO, live.line(), OLD, MigrateMessages.text("note.smtp-tls.off"));
            return w.result();
        }
        if (read == Sources.Read.MAYBE) {
            // NeedTLS=1 is right only if the server read SMTP-TLS: the line (ignored by 1.27) stays, and so does the
            // evidence a later run needs to come to the same conclusion.
            w.note(
                    Note.Level.DECIDE,
                    live.line(),
                    OLD,
                    MigrateMessages.text("note.smtp-tls.uncertain", ctx.source().display()));
            return w.result();
        }
        try {
            Optional<Entry> current = in.entry(TARGET);
            if (current.isPresent()) {
                Optional<OptionList.Option> need =
                        OptionList.parse(current.get().value()).get("NeedTLS");
                if (need.isPresent()) {
                    boolean same = "1".equals(need.get().value());
                    w.note(
                            same ? Note.Level.INFO : Note.Level.CONFLICT,
                            live.line(),
                            OLD,
                            MigrateMessages.text(
                                    same ? "note.smtp-tls.same" : "note.smtp-tls.conflict",
                                    w.show(current.get().value())));
                } else {
                    // The rule's fix (Removal.replacement): the SmtpGwConfig line UPG-001 shows.
                    String value =
                            Removal.SMTP_TLS.replacement(in, live).orElseThrow().value();
                    w.tab(w.tab().setRaw(TARGET, value));
                    w.set(current.get(), value, reason());
                }
                w.removeAll(OLD, MigrateMessages.text("change.removed.folded", TARGET));
            } else {
                w.renameLive(
                        OLD,
                        TARGET,
                        Removal.SMTP_TLS.replacement(in, live).orElseThrow().value());
            }
        } catch (EditException e) {
            Work failed = new Work(files, ID, reason());
            failed.note(Note.Level.DECIDE, live.line(), OLD, MigrateMessages.text("note.unwritable", TARGET, (Localized)
                    e::message));
            return failed.result();
        }
        return w.result();
    }
}
