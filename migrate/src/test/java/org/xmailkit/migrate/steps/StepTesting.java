package org.xmailkit.migrate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.xmailkit.migrate.Change;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationStep;
import org.xmailkit.migrate.Note;
import org.xmailkit.migrate.Remedy;
import org.xmailkit.migrate.ServerFiles;
import org.xmailkit.migrate.StepContext;
import org.xmailkit.migrate.StepResult;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/** Runs one step over text-block configurations. */
final class StepTesting {

    private StepTesting() {}

    static ServerFiles tab(String utf8) {
        return ServerFiles.of(ServerTab.parse(utf8.getBytes(StandardCharsets.UTF_8)));
    }

    static ServerFiles withFwd(ServerFiles f, String utf8) {
        return f.with(
                TabFile.parse(MailRootFile.SMTP_FWD, Path.of("smtpfwd.tab"), utf8.getBytes(StandardCharsets.UTF_8)));
    }

    static SourceVersion source(String v) {
        return SourceVersion.given(XMailVersion.parse(v));
    }

    static SourceVersion range(String earliest, String latest) {
        return new SourceVersion(XMailVersion.parse(earliest), XMailVersion.parse(latest), List.of(), false);
    }

    static StepResult run(MigrationStep step, ServerFiles f, SourceVersion s) {
        return run(step, f, s, MigrationOptions.standard());
    }

    static StepResult run(MigrationStep step, ServerFiles f, SourceVersion s, MigrationOptions o) {
        return run(step, f, s, o, List.of());
    }

    /** Runs the step, checks that a second run on its output changes nothing, and returns the first result. */
    static StepResult run(
            MigrationStep step, ServerFiles f, SourceVersion s, MigrationOptions o, List<Remedy> remedies) {
        StepContext ctx = new StepContext(s, o, x -> remedies, f);
        StepResult r = step.apply(f, ctx);
        StepResult again = step.apply(r.files(), new StepContext(s, o, x -> List.of(), f));
        assertEquals(text(r), text(again), "a second run must change nothing");
        assertEquals(List.of(), again.changes(), "a second run must report no change");
        for (Change c : r.changes()) {
            c.reason().render(Locale.ENGLISH);
            c.reason().render(Locale.JAPANESE);
        }
        for (Note n : r.notes()) {
            n.text().render(Locale.ENGLISH);
            n.text().render(Locale.JAPANESE);
        }
        return r;
    }

    static String text(StepResult r) {
        return new String(r.files().serverTab().toBytes(), StandardCharsets.UTF_8);
    }

    static String fwd(StepResult r) {
        return new String(
                r.files().file(MailRootFile.SMTP_FWD).orElseThrow().document().toBytes(), StandardCharsets.UTF_8);
    }

    static List<Note.Level> levels(StepResult r) {
        return r.notes().stream().map(Note::level).toList();
    }

    static List<String> noteKeys(StepResult r) {
        return r.notes().stream().map(n -> n.text().key()).toList();
    }
}
