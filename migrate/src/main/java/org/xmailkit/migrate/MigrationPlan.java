package org.xmailkit.migrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.xmailkit.migrate.steps.Steps;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.version.SourceVersion;

/**
 * The steps to run for a source version, a target and options. Applying it runs every step in order over the
 * documents; each step decides for itself whether it has anything to do.
 *
 * @param source  the source version (given or detected)
 * @param options the options
 * @param steps   the steps, in order
 */
public record MigrationPlan(SourceVersion source, MigrationOptions options, List<MigrationStep> steps) {

    /**
     * What applying a plan gives.
     *
     * @param before  the documents as read
     * @param after   the documents after every step
     * @param changes the edits, lines referring to the original files
     * @param notes   the notes, lines referring to the original files
     */
    public record Applied(ServerFiles before, ServerFiles after, List<Change> changes, List<Note> notes) {
        public Applied {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            changes = List.copyOf(changes);
            notes = List.copyOf(notes);
        }
    }

    public MigrationPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        steps = List.copyOf(steps);
    }

    /**
     * @param source  the source version
     * @param options the options
     * @return the standard plan: every step of {@link Steps#ALL}
     */
    public static MigrationPlan of(SourceVersion source, MigrationOptions options) {
        return new MigrationPlan(source, options, Steps.ALL);
    }

    /**
     * Runs the steps.
     *
     * @param files    the documents
     * @param remedies the audit's remedies for a state of the documents (for {@code --fix}); may return none
     * @return the result
     */
    public Applied apply(ServerFiles files, Function<ServerFiles, List<Remedy>> remedies) {
        StepContext ctx = new StepContext(source, options, remedies, files);
        Map<MailRootFile, LineMap> maps = new EnumMap<>(MailRootFile.class);
        maps.put(MailRootFile.SERVER_TAB, LineMap.identity(files.serverTab().document()));
        files.others().forEach((k, v) -> maps.put(k, LineMap.identity(v.document())));
        List<Change> changes = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        ServerFiles current = files;
        for (MigrationStep step : steps) {
            StepResult r = step.apply(current, ctx);
            for (Change c : r.changes()) {
                changes.add(c.withLine(c.line() == 0 ? 0 : maps.get(c.file()).original(c.line())));
            }
            for (Note n : r.notes()) {
                LineMap m = maps.get(n.file());
                notes.add(n.withLine(n.line() == 0 || m == null ? n.line() : m.original(n.line())));
            }
            for (Map.Entry<MailRootFile, LineMap> e : maps.entrySet()) {
                TabDocument before = document(current, e.getKey());
                TabDocument after = document(r.files(), e.getKey());
                e.setValue(e.getValue().next(before, after));
            }
            current = r.files();
        }
        return new Applied(files, current, changes, notes);
    }

    private static TabDocument document(ServerFiles f, MailRootFile kind) {
        return kind == MailRootFile.SERVER_TAB
                ? f.serverTab().document()
                : f.file(kind).orElseThrow().document();
    }
}
