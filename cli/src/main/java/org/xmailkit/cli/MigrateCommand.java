package org.xmailkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.Rule;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Rules;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.cli.SharedOptions.Shared;
import org.xmailkit.migrate.BatchListener;
import org.xmailkit.migrate.BatchMigrator;
import org.xmailkit.migrate.DefaultsPolicy;
import org.xmailkit.migrate.FixSelection;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.migrate.MigrationResult;
import org.xmailkit.migrate.ServerOutcome;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.report.AuditedMigrator;
import org.xmailkit.report.text.PlanTextWriter;

/**
 * {@code xmailkit migrate PATHS...}: plans the migration of each server to 1.27 (or the localized 1.27) and prints
 * the plan and a unified diff; {@code --write} edits in place with backups, {@code --out DIR} writes a migrated
 * copy, {@code --rollback} restores the latest run's backups.
 */
final class MigrateCommand implements Command {

    private final WritePolicy policy;

    MigrateCommand() {
        this(WritePolicy.STANDARD);
    }

    /** For tests: a write policy with injected failures or a short lock wait. */
    MigrateCommand(WritePolicy policy) {
        this.policy = policy;
    }

    @Override
    public String name() {
        return "migrate";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        SharedOptions.add(o, locale, Shared.TO, Shared.FROM);
        o.addOption(Args.valued(null, "defaults", "preserve|adopt", locale, "opt.migrate.defaults"));
        o.addOption(Args.valued(null, "local-rule1", "on|off", locale, "opt.migrate.localRule1"));
        o.addOption(Args.valued(null, "local-rule2", "on|off", locale, "opt.migrate.localRule2"));
        o.addOption(Args.valued(null, "fix", "safe|RULE,...", locale, "opt.migrate.fix"));
        o.addOption(Args.flag("w", "write", locale, "opt.migrate.write"));
        o.addOption(Args.valued(null, "backup-dir", "DIR", locale, "opt.migrate.backupDir"));
        o.addOption(Args.valued("o", "out", "DIR", locale, "opt.migrate.out"));
        o.addOption(Args.flag(null, "rollback", locale, "opt.migrate.rollback"));
        o.addOption(Args.flag("q", "quiet", locale, "opt.migrate.quiet"));
        Args.addStartupOptions(o, locale);
        RemoteInputs.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        try (RemoteInputs remote = RemoteInputs.of(cl, ctx, 1)) {
            return run(cl, ctx, remote);
        }
    }

    private ExitCode run(CommandLine cl, CommandContext ctx, RemoteInputs remote) throws Exception {
        List<Path> inputs = remote.local();
        BatchMigrator.Mode mode = mode(cl, ctx);
        Args.oneServer(cl, remote, ctx);
        MigrationOptions options = options(cl, ctx);
        Optional<Startup> startup = Args.startup(cl, ctx);
        Optional<Path> backupDir =
                Optional.ofNullable(cl.getOptionValue("backup-dir")).map(ctx::resolve);
        if (backupDir.isPresent() && mode != BatchMigrator.Mode.WRITE && mode != BatchMigrator.Mode.ROLLBACK) {
            throw new UsageException(ctx.msg("migrate.backupDirNeedsWrite"));
        }
        boolean writes = mode == BatchMigrator.Mode.WRITE || mode == BatchMigrator.Mode.ROLLBACK;
        if (writes && !remote.remote().isEmpty() && backupDir.isEmpty()) {
            throw new UsageException(ctx.msg("ctrl.backupDirNeeded"));
        }
        Optional<Path> out = Optional.ofNullable(cl.getOptionValue("out")).map(ctx::resolve);
        if (out.isPresent()) {
            checkOut(out.get(), inputs, ctx);
        }

        List<ServerOutcome> failedEarly = new ArrayList<>();
        int given = inputs.size() + remote.remote().size();
        List<BatchMigrator.Job> jobs =
                inputs.isEmpty() ? new ArrayList<>() : jobs(inputs, out, given, failedEarly, ctx);
        for (RemoteInputs.Collected c : remote.collect(ctx, cl.hasOption("quiet"))) {
            if (c.failure().isPresent()) {
                CtrlException e = c.failure().get();
                failedEarly.add(ServerOutcome.failed(c.directory(), e::oneLine, e));
                continue;
            }
            Optional<Path> dest = out.map(
                    o -> given > 1 ? o.resolve(c.directory().getFileName().toString()) : o);
            jobs.add(new BatchMigrator.Job(
                    c.directory(), dest, writes ? Optional.of(remote.writer(c.spec())) : Optional.empty()));
        }
        List<Path> servers =
                new ArrayList<>(failedEarly.stream().map(ServerOutcome::path).toList());
        jobs.forEach(j -> servers.add(j.server()));
        Args.oneServer(startup, servers, ctx);
        BatchMigrator.Options batch = new BatchMigrator.Options(
                mode, options, backupDir, ctx.clock(), Runtime.getRuntime().availableProcessors());
        AuditedMigrator migrator = AuditedMigrator.standard().withStartup(startup);
        boolean quiet = cl.hasOption("quiet");
        Shown shown = new Shown(ctx, mode, quiet, migrator);
        failedEarly.forEach(shown::accept);
        // Each server is printed as it is done, in order, and then forgotten: only the counts are kept.
        try (Progress progress = Progress.start(ctx, "migrate.progress", jobs.size(), quiet)) {
            new BatchMigrator(migrator, policy).each(jobs, batch, new BatchListener() {
                @Override
                public void finished(ServerOutcome outcome) {
                    try {
                        progress.above(() -> shown.accept(outcome), ctx.out());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    progress.step();
                }
            });
        }
        PrintStream text = ctx.text();
        if (!shown.first) {
            text.println();
        }
        text.println(summary(shown, mode, out, ctx));
        if (shown.count(ServerOutcome.Status.FAILED) == 0) {
            return ExitCode.OK;
        }
        return shown.total == 1 ? ExitCode.INPUT : ExitCode.PARTIAL;
    }

    /** Prints each server's outcome as it comes and counts what the summary needs. */
    private static final class Shown {
        private final CommandContext ctx;
        private final BatchMigrator.Mode mode;
        private final boolean quiet;
        private final AuditedMigrator migrator;
        private final Map<ServerOutcome.Status, Integer> counts = new EnumMap<>(ServerOutcome.Status.class);
        private final PrintStream text;
        private final PrintStream err;
        private boolean first = true;
        private int total;
        private int changed;
        private int resumed;
        private int partly;

        Shown(CommandContext ctx, BatchMigrator.Mode mode, boolean quiet, AuditedMigrator migrator) {
            this.ctx = ctx;
            this.mode = mode;
            this.quiet = quiet;
            this.migrator = migrator;
            this.text = ctx.text();
            this.err = ctx.errors();
        }

        void accept(ServerOutcome o) {
            total++;
            counts.merge(o.status(), 1, Integer::sum);
            if (o.result().map(MigrationResult::changed).orElse(false)) {
                changed++;
            }
            if (o.resumed()) {
                resumed++;
            }
            if (o.status() == ServerOutcome.Status.FAILED && !o.written().isEmpty()) {
                partly++;
            }
            if (o.status() == ServerOutcome.Status.FAILED) {
                err.println(o.error(ctx.locale()));
                if (ctx.verbose() && o.cause() != null) {
                    o.cause().printStackTrace(err);
                }
                return;
            }
            if (quiet) {
                return;
            }
            if (!first) {
                text.println();
            }
            first = false;
            print(text, o, mode, migrator, ctx);
        }

        long count(ServerOutcome.Status status) {
            return counts.getOrDefault(status, 0);
        }
    }

    // ------------------------------------------------------------------ options

    private static BatchMigrator.Mode mode(CommandLine cl, CommandContext ctx) throws UsageException {
        int n = (cl.hasOption("write") ? 1 : 0) + (cl.hasOption("out") ? 1 : 0) + (cl.hasOption("rollback") ? 1 : 0);
        if (n > 1) {
            throw new UsageException(ctx.msg("migrate.oneMode"));
        }
        if (cl.hasOption("rollback")) {
            for (String o : List.of("to", "from", "defaults", "local-rule1", "local-rule2", "fix")) {
                if (cl.hasOption(o)) {
                    throw new UsageException(ctx.msg("migrate.rollbackAlone", "--" + o));
                }
            }
            return BatchMigrator.Mode.ROLLBACK;
        }
        if (cl.hasOption("write")) {
            return BatchMigrator.Mode.WRITE;
        }
        return cl.hasOption("out") ? BatchMigrator.Mode.OUT : BatchMigrator.Mode.DRY_RUN;
    }

    private static MigrationOptions options(CommandLine cl, CommandContext ctx) throws UsageException {
        SharedOptions shared = SharedOptions.read(cl, ctx);
        XMailVersion target = shared.target();
        DefaultsPolicy defaults = Args.choice(cl, ctx, "defaults", Set.of("preserve", "adopt"), "preserve")
                        .equals("adopt")
                ? DefaultsPolicy.ADOPT
                : DefaultsPolicy.PRESERVE;
        Optional<Boolean> rule1 = onOff(cl, ctx, "local-rule1");
        Optional<Boolean> rule2 = onOff(cl, ctx, "local-rule2");
        if ((rule1.isPresent() || rule2.isPresent()) && !target.localized()) {
            throw new UsageException(ctx.msg("migrate.localRuleNeedsLocalized"));
        }
        FixSelection fix = FixSelection.NONE;
        if (cl.hasOption("fix")) {
            try {
                fix = FixSelection.parse(cl.getOptionValue("fix"));
            } catch (IllegalArgumentException e) {
                throw new UsageException(ctx.msg("cli.badValue", "--fix", e.getMessage(), "safe|RULE,..."));
            }
            for (String id : fix.rules()) {
                Optional<Rule> rule = Rules.byId(id);
                if (rule.isEmpty()) {
                    throw new UsageException(ctx.msg("migrate.unknownRule", id));
                }
                if (rule.get().info().fix() == RuleInfo.Fix.NONE) {
                    throw new UsageException(ctx.msg("migrate.notFixable", id));
                }
            }
        }
        return new MigrationOptions(target, shared.from(), defaults, rule1, rule2, fix);
    }

    private static Optional<Boolean> onOff(CommandLine cl, CommandContext ctx, String option) throws UsageException {
        if (!cl.hasOption(option)) {
            return Optional.empty();
        }
        return Optional.of(
                Args.choice(cl, ctx, option, Set.of("on", "off"), "off").equals("on"));
    }

    private static void checkOut(Path out, List<Path> inputs, CommandContext ctx) throws UsageException, IOException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new UsageException(ctx.msg("migrate.outNotEmpty", out));
            }
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new UsageException(ctx.msg("migrate.outNotEmpty", out));
                }
            }
        }
        Path o = real(out);
        for (Path in : inputs) {
            if (Files.exists(in) && o.startsWith(real(in))) {
                throw new UsageException(ctx.msg("migrate.outInsideInput", out, in));
            }
        }
    }

    /** The real path of a path that may not exist yet: its nearest existing ancestor's real path plus the rest. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }

    /** Finds the servers under each input; an input that cannot be used becomes a failed entry, the rest go on. */
    private static List<BatchMigrator.Job> jobs(
            List<Path> inputs, Optional<Path> out, int all, List<ServerOutcome> failed, CommandContext ctx)
            throws UsageException {
        List<BatchMigrator.Job> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            // With several inputs each gets its own folder under --out, named after it.
            Optional<Path> base = out;
            if (out.isPresent() && all > 1) {
                String name = String.valueOf(input.toAbsolutePath().normalize().getFileName());
                if (!names.add(name)) {
                    throw new UsageException(ctx.msg("migrate.outNameClash", name));
                }
                base = Optional.of(out.get().resolve(name));
            }
            List<Path> servers;
            try {
                MailRoots.Discovery found = MailRoots.discover(List.of(input));
                servers = found.servers();
                // What the search could not look into fails like a server: named, and the run exits 4.
                for (InputException e : found.skipped()) {
                    failed.add(ServerOutcome.failed(e.path(), e::oneLine, e));
                }
            } catch (InputException e) {
                failed.add(ServerOutcome.failed(input, e::oneLine, e));
                continue;
            }
            for (Path server : servers) {
                if (!seen.add(server.toAbsolutePath().normalize())) {
                    continue;
                }
                Optional<Path> dest = Optional.empty();
                if (base.isPresent()) {
                    if (Files.isDirectory(input)) {
                        dest = Optional.of(
                                base.get().resolve(input.relativize(server).toString()));
                    } else {
                        dest = Optional.of(
                                all > 1
                                        ? base.get()
                                        : base.get().resolve(input.getFileName().toString()));
                    }
                }
                jobs.add(new BatchMigrator.Job(server, dest));
            }
        }
        return jobs;
    }

    // ------------------------------------------------------------------ output

    private static void print(
            PrintStream out, ServerOutcome o, BatchMigrator.Mode mode, AuditedMigrator migrator, CommandContext ctx) {
        if (mode == BatchMigrator.Mode.ROLLBACK) {
            out.println("== " + Origins.display(o.path()));
            if (o.status() == ServerOutcome.Status.NOTHING_TO_ROLL_BACK) {
                out.println("  " + ctx.msg("migrate.rollback.nothing"));
            } else {
                o.written().forEach(p -> out.println("  " + ctx.msg("migrate.rollback.restored", Origins.display(p))));
            }
            return;
        }
        MigrationResult r = o.result().orElseThrow();
        PlanTextWriter plan = new PlanTextWriter(ctx.locale());
        plan.plan(out, o.path(), r, migrator.delta(r.path()));
        switch (o.status()) {
            case WRITTEN -> o.written().forEach(p -> out.println(ctx.msg("migrate.written", Origins.display(p))));
            case COPIED ->
                out.println(ctx.msg(
                        "migrate.copied",
                        o.written().isEmpty() ? o.path() : o.written().get(0)));
            default -> {}
        }
        if (o.resumed()) {
            out.println(ctx.msg("migrate.resumed"));
        }
        plan.diff(out, r);
    }

    private static String summary(Shown r, BatchMigrator.Mode mode, Optional<Path> out, CommandContext ctx) {
        long total = r.total;
        long failed = r.count(ServerOutcome.Status.FAILED);
        String s =
                switch (mode) {
                    case DRY_RUN ->
                        ctx.msg(
                                "migrate.summary.dryRun",
                                total,
                                r.count(ServerOutcome.Status.PLANNED),
                                r.count(ServerOutcome.Status.UNCHANGED),
                                failed);
                    case WRITE ->
                        ctx.msg(
                                "migrate.summary.write",
                                total,
                                r.count(ServerOutcome.Status.WRITTEN),
                                r.count(ServerOutcome.Status.UNCHANGED),
                                failed);
                    case OUT ->
                        ctx.msg(
                                "migrate.summary.out",
                                total,
                                out.map(Path::toString).orElse(""),
                                r.changed,
                                failed);
                    case ROLLBACK ->
                        ctx.msg(
                                "migrate.summary.rollback",
                                total,
                                r.count(ServerOutcome.Status.ROLLED_BACK),
                                r.count(ServerOutcome.Status.NOTHING_TO_ROLL_BACK),
                                failed);
                };
        if (r.resumed > 0) {
            s += " " + ctx.msg("migrate.summary.resumed", r.resumed);
        }
        if (r.partly > 0) {
            s += " "
                    + ctx.msg(
                            mode == BatchMigrator.Mode.ROLLBACK
                                    ? "migrate.summary.partlyRestored"
                                    : "migrate.summary.partlyWritten",
                            r.partly);
        }
        return s;
    }
}
