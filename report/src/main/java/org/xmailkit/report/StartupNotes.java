package org.xmailkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.rules.opt.OptionHistory;
import org.xmailkit.audit.startup.Recommendation;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.Note;
import org.xmailkit.model.Localized;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.version.SourceVersion;

/**
 * What a migration has to say about XMail's command line, which xmailkit never edits (it lives in the registry or
 * a start script): the options whose meaning changed since the source version (per the ChangeLog, as audit rule
 * OPT-011 finds them: the rule's own finding, so the note and the rule cannot disagree) and the command line to use
 * with 1.27, XMailCFG's recommendation for the localized build applied. Nothing when the command line is not known.
 * Made here, where the audit and the migration meet ({@link AuditedMigrator}), since the migration knows no rule.
 */
final class StartupNotes {

    /** The step id the notes carry. */
    static final String STEP = "startup-options";

    private StartupNotes() {}

    static List<Note> of(MailRoot root, Optional<Startup> startup, SourceVersion source) {
        if (startup.isEmpty()) {
            return List.of();
        }
        Startup s = startup.get();
        List<Note> out = new ArrayList<>();
        AuditContext ctx = new AuditContext(root, source, AuditOptions.defaults(), startup);
        for (Finding f : new OptionHistory().check(ctx)) {
            out.add(new Note(
                    Note.Level.BEHAVIOUR,
                    STEP,
                    MailRootFile.SERVER_TAB,
                    0,
                    "",
                    MigrateMessages.text("note.startup.history", (Localized) f::message),
                    place(f.location().file(), f.location().line(), s)));
        }
        Recommendation r = Recommendation.of(
                startup, root.serverCert().isPresent() && root.serverKey().isPresent());
        String where = s.file().map(f -> place(f, 0, s)).orElse("--cmdline");
        if (r.line().equals(s.line())) {
            out.add(new Note(
                    Note.Level.INFO,
                    STEP,
                    MailRootFile.SERVER_TAB,
                    0,
                    "",
                    MigrateMessages.text("note.startup.kept", s.line()),
                    where));
        } else {
            Localized why = locale -> String.join(
                    "; ", r.notes().stream().map(n -> n.text(locale)).toList());
            out.add(new Note(
                    Note.Level.DECIDE,
                    STEP,
                    MailRootFile.SERVER_TAB,
                    0,
                    "",
                    MigrateMessages.text("note.startup.recommended", s.line(), r.line(), why),
                    where));
        }
        return out;
    }

    /** A file of the command line's origin, by name (and line), or the typed line. */
    private static String place(Path file, int line, Startup s) {
        if (s.file().isEmpty()) {
            return "--cmdline";
        }
        Path name = file.getFileName();
        return (name == null ? file.toString() : name.toString()) + (line > 0 ? ":" + line : "");
    }
}
