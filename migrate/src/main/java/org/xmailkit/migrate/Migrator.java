package org.xmailkit.migrate;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.Text;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.model.version.VersionDetector;

/**
 * Migrates one server in memory: decides the source version, runs the plan, and computes the new bytes from the
 * edited documents (never by re-encoding text) and the diffs. Writes nothing. It knows no audit rule: the remedies
 * {@code --fix} applies come from the caller ({@link Remedies}), and so does an audit of the result.
 */
public final class Migrator implements Planner {

    /** Where {@code --fix} gets the remedies of a state of a server's files. */
    @FunctionalInterface
    public interface Remedies {

        /** No remedies: a migrator that cannot {@code --fix}. */
        Remedies NONE = (root, options, source) -> List.of();

        /**
         * @param state   a MailRoot as the migration has edited it so far
         * @param options the migration's options (its target)
         * @param source  the source version of the migration
         * @return the remedies the audit offers for it (unwaived findings of rules with a fix)
         */
        List<Remedy> of(MailRoot state, MigrationOptions options, SourceVersion source);
    }

    private final Remedies remedies;

    /** A migrator without remedies: {@code --fix} is refused. */
    public Migrator() {
        this(Remedies.NONE);
    }

    /** @param remedies where {@code --fix} gets its remedies */
    public Migrator(Remedies remedies) {
        this.remedies = Objects.requireNonNull(remedies, "remedies");
    }

    /**
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @return the result
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    public MigrationResult migrate(MailRoot root, MigrationOptions options) throws InputException {
        return migrate(root, options, source(root, options));
    }

    /**
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version to migrate from (e.g. the one an interrupted run recorded)
     * @return the result
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    @Override
    public MigrationResult migrate(MailRoot root, MigrationOptions options, SourceVersion source)
            throws InputException {
        if (options.fix().any() && remedies == Remedies.NONE) {
            throw new IllegalArgumentException("--fix needs the audit's remedies: a Migrator made with them");
        }
        ServerFiles files = ServerFiles.read(root);
        for (InputException e : root.readErrors()) {
            // A file the steps would edit exists but cannot be read: migrating without it would be a silent gap. (The
            // MailRoot may have been audited already: files only the audit reads do not stop the migration.)
            if (ServerFiles.EDITABLE.stream()
                    .anyMatch(k -> same(e.path(), root.directory().resolve(k.fileName())))) {
                throw e;
            }
        }
        Function<ServerFiles, List<Remedy>> fixes = f -> remedies.of(root.withContent(f.allBytes()), options, source);
        MigrationPlan.Applied applied = MigrationPlan.of(source, options).apply(files, fixes);

        // Steps and the diff mask what they know to be secret; this is the second line of defence.
        Secrets secrets = Secrets.of(root);
        List<FileResult> results = new ArrayList<>();
        results.add(file(
                MailRootFile.SERVER_TAB,
                root.serverTabPath(),
                applied.before().serverTab().document(),
                applied.after().serverTab().document(),
                applied.before().serverTab().charset(),
                secrets));
        for (Map.Entry<MailRootFile, TabFile> e : applied.before().others().entrySet()) {
            TabFile before = e.getValue();
            TabFile after = applied.after().file(e.getKey()).orElseThrow();
            results.add(
                    file(e.getKey(), before.path(), before.document(), after.document(), before.charset(), secrets));
        }
        List<Change> changes =
                applied.changes().stream().map(c -> scrub(c, secrets)).toList();
        List<Note> notes =
                applied.notes().stream().map(n -> n.scrubbed(secrets)).toList();
        return new MigrationResult(
                root.bare() ? root.serverTabPath() : root.directory(),
                root.bare(),
                source,
                options,
                changes,
                notes,
                results);
    }

    /**
     * @param root    a MailRoot
     * @param options the options
     * @return the source version: the one given with {@code --from}, else detected from evidence
     */
    public static SourceVersion source(MailRoot root, MigrationOptions options) {
        return options.from().map(SourceVersion::given).orElseGet(() -> new VersionDetector().detect(root.serverTab()));
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static FileResult file(
            MailRootFile kind, Path path, TabDocument before, TabDocument after, Charset charset, Secrets secrets) {
        String shown = Origins.display(path);
        List<String> diff = UnifiedDiff.of(kind, shown, shown + " (migrated)", before, after, charset);
        List<String> shownDiff = new ArrayList<>(diff.size());
        for (int i = 0; i < diff.size(); i++) {
            String line = diff.get(i);
            // The two header lines name the file (for a remote server, its ctrl:// address), not its content.
            boolean header = i < 2 && (line.equals("--- " + shown) || line.equals("+++ " + shown + " (migrated)"));
            shownDiff.add(header ? line : secrets.scrub(line));
        }
        return new FileResult(kind, path, before.toBytes(), after.toBytes(), charset, shownDiff);
    }

    private static Change scrub(Change c, Secrets secrets) {
        return new Change(
                c.kind(),
                c.file(),
                c.line(),
                secrets.scrub(c.name()),
                secrets.scrub(c.newName()),
                secrets.scrub(c.oldValue()),
                secrets.scrub(c.newValue()),
                c.secret(),
                c.stepId(),
                scrub(c.reason(), secrets));
    }

    private static Text scrub(Text t, Secrets secrets) {
        return t.mapStrings(secrets::scrub);
    }
}
