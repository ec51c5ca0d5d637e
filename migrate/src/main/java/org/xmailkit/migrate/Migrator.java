package org.xmailkit.migrate;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.SourceVersion;
import org.xmailkit.audit.VersionDetector;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.ctrl.Origins;

/**
 * Migrates one server in memory: decides the source version, runs the plan, computes the new bytes from the edited
 * documents (never by re-encoding text), the diffs, and the audit before and after. Writes nothing.
 */
public final class Migrator {

    private final Auditor auditor;

    /** A migrator with every audit rule. */
    public Migrator() {
        this(Auditor.standard());
    }

    /** @param auditor the auditor for the before/after delta and for {@code --fix} */
    public Migrator(Auditor auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
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
    public MigrationResult migrate(MailRoot root, MigrationOptions options, SourceVersion source)
            throws InputException {
        return migrate(root, options, source, new Audited(auditOptions(options), null));
    }

    /**
     * @param options how to migrate
     * @return how a migration audits the configuration before and after when not told otherwise: the defaults, for
     *         the target and source version of the migration
     */
    public static AuditOptions auditOptions(MigrationOptions options) {
        return AuditOptions.defaults().withTarget(options.target()).withFrom(options.from());
    }

    /**
     * How the configuration was audited before the migration, when it was: the findings after are made the same
     * way, and the findings before are not made again.
     *
     * @param options  the audit options
     * @param findings the findings of the configuration as read, with those options and the same source version;
     *                 null when it was not audited yet
     */
    public record Audited(AuditOptions options, List<Finding> findings) {
        public Audited {
            Objects.requireNonNull(options, "options");
            findings = findings == null ? null : List.copyOf(findings);
        }
    }

    /**
     * Migrates a server, its audit before the migration made already or with given options.
     *
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version to migrate from
     * @param audited how the configuration is audited, and its findings if they are known
     * @return the result
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    public MigrationResult migrate(MailRoot root, MigrationOptions options, SourceVersion source, Audited audited)
            throws InputException {
        AuditOptions auditOptions = audited.options();
        ServerFiles files = ServerFiles.read(root);
        for (InputException e : root.readErrors()) {
            // A file the steps would edit exists but cannot be read: migrating without it would be a silent gap. (The
            // MailRoot may have been audited already: files only the audit reads do not stop the migration.)
            if (ServerFiles.EDITABLE.stream().anyMatch(k -> same(e.path(), root.directory().resolve(k.fileName())))) {
                throw e;
            }
        }
        Function<ServerFiles, List<Finding>> findings =
                f -> auditor.audit(root.withContent(f.allBytes()), auditOptions, source).findings();
        MigrationPlan.Applied applied = MigrationPlan.of(source, options).apply(files, findings);

        // Steps and the diff mask what they know to be secret; this is the second line of defence.
        Secrets secrets = Secrets.of(root);
        List<FileResult> results = new ArrayList<>();
        results.add(file(MailRootFile.SERVER_TAB, root.serverTabPath(), applied.before().serverTab().document(),
                applied.after().serverTab().document(), applied.before().serverTab().charset(), secrets));
        for (Map.Entry<MailRootFile, TabFile> e : applied.before().others().entrySet()) {
            TabFile before = e.getValue();
            TabFile after = applied.after().file(e.getKey()).orElseThrow();
            results.add(file(e.getKey(), before.path(), before.document(), after.document(), before.charset(),
                    secrets));
        }
        AuditDelta delta;
        try {
            List<Finding> was = audited.findings() != null ? audited.findings()
                    : auditor.audit(root, auditOptions, source).findings();
            List<Finding> after = applied.after().equals(applied.before()) ? was
                    : auditor.audit(root.withContent(applied.after().allBytes()), auditOptions, source).findings();
            delta = AuditDelta.of(was, after);
        } catch (RuntimeException e) {
            // The delta is information; a failing rule must not stop the migration itself.
            delta = AuditDelta.unavailable(String.valueOf(e));
        }
        List<Change> changes = applied.changes().stream().map(c -> scrub(c, secrets)).toList();
        List<Note> notes = new ArrayList<>(applied.notes().stream().map(n -> new Note(n.level(), n.stepId(), n.file(),
                n.line(), secrets.scrub(n.name()), scrub(n.text(), secrets), secrets.scrub(n.place()))).toList());
        Optional<Startup> startup = Auditor.startup(root, auditOptions.withStartup(options.startup()),
                new ArrayList<>());
        for (Note n : StartupNotes.of(root, startup, source)) {
            notes.add(new Note(n.level(), n.stepId(), n.file(), n.line(), n.name(), scrub(n.text(), secrets),
                    secrets.scrub(n.place())));
        }
        return new MigrationResult(root.bare() ? root.serverTabPath() : root.directory(), root.bare(), source,
                options, changes, notes, results, delta);
    }

    /**
     * @param root    a MailRoot
     * @param options the options
     * @return the source version: the one given with {@code --from}, else detected from evidence
     */
    public static SourceVersion source(MailRoot root, MigrationOptions options) {
        return options.from().map(SourceVersion::given)
                .orElseGet(() -> new VersionDetector().detect(root.serverTab()));
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static FileResult file(MailRootFile kind, Path path, TabDocument before, TabDocument after,
                                   Charset charset, Secrets secrets) {
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
        return new Change(c.kind(), c.file(), c.line(), secrets.scrub(c.name()), secrets.scrub(c.newName()),
                secrets.scrub(c.oldValue()), secrets.scrub(c.newValue()), c.secret(), c.stepId(),
                scrub(c.reason(), secrets));
    }

    private static MigrationText scrub(MigrationText t, Secrets secrets) {
        return new MigrationText(t.key(), t.args().stream()
                .map(a -> a instanceof String s ? (Object) secrets.scrub(s) : a).toList());
    }
}
