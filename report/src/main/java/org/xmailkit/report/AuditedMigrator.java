package org.xmailkit.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditRun;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.Migrator;
import org.xmailkit.migrate.Planner;
import org.xmailkit.migrate.Remedy;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Localized;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.version.SourceVersion;

/**
 * The migration with the audit, where the two engines meet (neither knows the other): its migrator takes the
 * {@code --fix} remedies from the auditor's findings (each rule's remediation lines, declared with the rule), it
 * audits every plan before and after, and it adds the notes about XMail's command line ({@link StartupNotes}). The
 * {@code migrate} command and the report plan through it.
 */
public final class AuditedMigrator implements Planner {

    /**
     * A plan and what the audit says about it.
     *
     * @param result the migration
     * @param delta  the findings before and after it
     */
    public record Planned(MigrationResult result, AuditDelta delta) {
        public Planned {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(delta, "delta");
        }
    }

    private final Auditor auditor;
    private final Optional<Startup> startup;
    private final Map<Path, AuditDelta> deltas = new ConcurrentHashMap<>();

    /** @param auditor the rules for the delta and the remedies */
    public AuditedMigrator(Auditor auditor) {
        this(auditor, Optional.empty());
    }

    /**
     * @param auditor the rules for the delta and the remedies
     * @param startup XMail's command line given with {@code --cmdline}, {@code --registry} or
     *                {@code --service-file}; when empty, each MailRoot is searched for one (for the notes about it)
     */
    public AuditedMigrator(Auditor auditor, Optional<Startup> startup) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.startup = Objects.requireNonNull(startup, "startup");
    }

    /**
     * @param s XMail's command line as given, if it was
     * @return a migrator with the same rules and that command line
     */
    public AuditedMigrator withStartup(Optional<Startup> s) {
        return new AuditedMigrator(auditor, s);
    }

    /** @return a migrator with the whole rule catalogue */
    public static AuditedMigrator standard() {
        return new AuditedMigrator(Auditor.standard());
    }

    /**
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version
     * @return the plan and the audit before and after it
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    public Planned plan(MailRoot root, MigrationOptions options, SourceVersion source) throws InputException {
        return plan(root, options, source, Optional.empty());
    }

    /**
     * Plans a server whose audit before the migration is known already (the report audits every server first).
     *
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version
     * @param before  the findings of the configuration as read, audited with {@link #auditOptions} and the same
     *                source version, when they are known: they are not made again
     * @return the plan and the audit before and after it
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    public Planned plan(MailRoot root, MigrationOptions options, SourceVersion source, Optional<List<Finding>> before)
            throws InputException {
        // The audits of this server (the remedies of each state, before and after) read its TLS files once.
        AuditRun run = new AuditRun();
        MigrationResult r = new Migrator((state, o, s) -> remedies(state, o, s, run)).migrate(root, options, source);
        Secrets secrets = Secrets.of(root);
        Optional<Startup> line = Auditor.startup(root, auditOptions(options).withStartup(startup), new ArrayList<>());
        r = r.withNotes(StartupNotes.of(root, line, source).stream()
                .map(n -> n.scrubbed(secrets))
                .toList());
        return new Planned(r, delta(root, r, source, run, before));
    }

    /**
     * Plans one server of a batch, keeping its delta until {@link #delta(Path)} takes it.
     *
     * @param root    a MailRoot or bare server.tab
     * @param options how to migrate
     * @param source  the source version
     * @return the plan
     * @throws InputException when a file the migration edits exists but cannot be read
     */
    @Override
    public MigrationResult migrate(MailRoot root, MigrationOptions options, SourceVersion source)
            throws InputException {
        Planned p = plan(root, options, source);
        deltas.put(p.result().path(), p.delta());
        return p.result();
    }

    /**
     * Takes the delta of a server planned in a batch: it is given once, when the server's outcome is shown, and
     * then forgotten, so that a batch holds the deltas of the servers not yet shown only, not of the whole fleet.
     *
     * @param server a server this migrator planned in a batch ({@link MigrationResult#path()})
     * @return the audit before and after its plan
     */
    public AuditDelta delta(Path server) {
        AuditDelta d = deltas.remove(server);
        return d == null ? AuditDelta.unavailable("not planned: " + server) : d;
    }

    /**
     * @param options how to migrate
     * @return how a migration audits the configuration before and after: the defaults, for the target and source
     *         version of the migration
     */
    public static AuditOptions auditOptions(MigrationOptions options) {
        return AuditOptions.defaults().withTarget(options.target()).withFrom(options.from());
    }

    private AuditDelta delta(
            MailRoot root, MigrationResult r, SourceVersion source, AuditRun run, Optional<List<Finding>> known) {
        try {
            AuditOptions options = auditOptions(r.options());
            List<Finding> before = known.isPresent()
                    ? known.get()
                    : auditor.audit(root, options, source, run).findings();
            List<Finding> after = !r.changed()
                    ? before
                    : auditor.audit(root.withContent(r.afterBytes()), options, source, run)
                            .findings();
            return AuditDelta.of(before, after);
        } catch (RuntimeException e) {
            // The delta is information; a failing rule must not stop the migration itself.
            return AuditDelta.unavailable(String.valueOf(e));
        }
    }

    /** The remedies of a state of the files: every unwaived finding of a rule whose fix {@code --fix} may apply. */
    private List<Remedy> remedies(MailRoot state, MigrationOptions options, SourceVersion source, AuditRun run) {
        List<Remedy> out = new ArrayList<>();
        for (Finding f :
                auditor.audit(state, auditOptions(options), source, run).findings()) {
            RuleInfo rule = f.rule();
            if (f.suppressed() || rule.fix() == RuleInfo.Fix.NONE) {
                continue;
            }
            out.add(new Remedy(
                    rule.id(),
                    title(rule),
                    rule.fix() == RuleInfo.Fix.SAFE,
                    f.location().line(),
                    f.location().variable(),
                    rule.remediationLines()));
        }
        return out;
    }

    private static Localized title(RuleInfo rule) {
        return locale -> rule.texts().has(locale, "rule." + rule.id() + ".title") ? rule.title(locale) : rule.id();
    }
}
