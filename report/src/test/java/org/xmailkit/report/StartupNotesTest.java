package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.startup.Startups;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Note;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.testing.MailRootFixture;
import org.xmailkit.model.version.SourceVersion;

/** The migration's notes about XMail's command line, which it reports but never edits. */
class StartupNotesTest {

    @TempDir
    Path dir;

    @Test
    void optionsThatChangedMeaningAndTheLineToUseAreNotesAtTheCommandLinesFile() throws Exception {
        MailRoot root = MailRootFixture.in(dir)
                .xmail127Default()
                .file("xmail.cmdline", "-Mr 7 -Cl -Sl -F-\n")
                .open();
        MigrationResult r = AuditedMigrator.standard()
                .migrate(
                        root,
                        MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("0.60"))),
                        SourceVersion.given(XMailVersion.parse("0.60")));
        List<Note> notes = r.notes().stream()
                .filter(n -> n.stepId().equals(StartupNotes.STEP))
                .toList();
        assertEquals(
                List.of(Note.Level.BEHAVIOUR, Note.Level.BEHAVIOUR, Note.Level.DECIDE),
                notes.stream().map(Note::level).toList());
        assertEquals("xmail.cmdline:1", notes.get(0).where());
        String recommended = notes.get(2).text().render(Locale.ENGLISH);
        assertTrue(recommended.contains("with 1.27 use -Mr 7 -Sl -F- -Pl -Ql -X- -B- -W-"), recommended);
        assertTrue(recommended.contains("drop -Cl"), recommended);
        String history = notes.stream()
                .filter(n -> n.level() == Note.Level.BEHAVIOUR)
                .map(n -> n.text().render(Locale.JAPANESE))
                .reduce("", String::concat);
        assertTrue(history.contains("-Mr 7") && history.contains("-F-"), history);
        assertEquals(
                List.of(),
                r.changes().stream()
                        .filter(c -> c.stepId().equals(StartupNotes.STEP))
                        .toList(),
                "the command line is never edited");
    }

    @Test
    void aGivenCommandLineWinsAndNothingIsSaidWithoutOne() throws Exception {
        MailRoot root = MailRootFixture.in(dir).xmail127Default().open();
        SourceVersion v126 = SourceVersion.given(XMailVersion.parse("1.26"));
        assertTrue(AuditedMigrator.standard().migrate(root, MigrationOptions.standard(), v126).notes().stream()
                .noneMatch(n -> n.stepId().equals(StartupNotes.STEP)));
        MigrationResult r = AuditedMigrator.standard()
                .withStartup(Optional.of(Startups.typed("-Mr 24 -Pl -Ql -Sl -X- -B- -W- -F-")))
                .migrate(root, MigrationOptions.standard().withFrom(Optional.of(XMailVersion.parse("1.26"))), v126);
        Note kept = r.notes().stream()
                .filter(n -> n.stepId().equals(StartupNotes.STEP))
                .findFirst()
                .orElseThrow();
        assertEquals(Note.Level.INFO, kept.level());
        assertEquals("--cmdline", kept.where());
    }
}
