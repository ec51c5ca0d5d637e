package org.xmailkit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.ProbeFleet;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.audit.probe.TlsPolicy;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.cli.SharedOptions.Shared;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoots;
import org.xmailkit.report.AuditWriter;
import org.xmailkit.report.HtmlAuditWriter;
import org.xmailkit.report.OutputTexts;
import org.xmailkit.report.json.JsonWriter;
import org.xmailkit.report.sarif.SarifWriter;
import org.xmailkit.report.text.TextWriter;

/**
 * {@code xmailkit audit PATH...}: audits MailRoots (a directory tree is searched for them, audited in parallel) and
 * writes the findings as text, JSON or SARIF. Exit 1 when an unsuppressed finding reaches {@code --fail-on}; 3 when
 * the waiver file is unusable or nothing could be audited; 4 when some servers (or files) could not be read, which
 * wins over 1 because the audit is incomplete.
 */
final class AuditCommand implements Command {

    /** The output formats. The HTML page joins them with the report site. */
    enum Format {
        TEXT,
        JSON,
        SARIF,
        HTML;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<FleetAuditor> auditor;

    AuditCommand() {
        this(FleetAuditor::standard);
    }

    /** @param auditor gives the auditor to run (tests give one over test rules) */
    AuditCommand(Supplier<FleetAuditor> auditor) {
        this.auditor = auditor;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.valued("f", "format", "text|json|sarif|html", locale, "opt.audit.format"));
        SharedOptions.add(o, locale, Shared.PROFILE);
        o.addOption(Args.valued(null, "fail-on", "SEVERITY", locale, "opt.audit.failOn"));
        SharedOptions.add(o, locale, Shared.FROM, Shared.TO);
        o.addOption(Args.valued(null, "install-dir", "DIR", locale, "opt.audit.installDir"));
        SharedOptions.add(o, locale, Shared.WAIVERS);
        o.addOption(Args.valued(null, "cert-warn-days", "DAYS", locale, "opt.audit.certWarnDays"));
        o.addOption(Args.valued(null, "cert-critical-days", "DAYS", locale, "opt.audit.certCriticalDays"));
        o.addOption(Args.flag("q", "quiet", locale, "opt.audit.quiet"));
        Args.addStartupOptions(o, locale);
        RemoteInputs.addOptions(o, locale);
        o.addOption(Args.valued(null, "probe", "HOST[:PORT]", locale, "opt.audit.probe"));
        ProbeArgs.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        if (cl.hasOption("probe")) {
            // Before any TLS of this process: the probe must be able to offer TLS 1.0 and old suites to find them.
            TlsPolicy.allowLegacy();
        }
        try (RemoteInputs inputs = RemoteInputs.of(cl, ctx, 1)) {
            return run(cl, ctx, inputs);
        }
    }

    private ExitCode run(CommandLine cl, CommandContext ctx, RemoteInputs inputs) throws Exception {
        Format format = Format.valueOf(Args.choice(cl, ctx, "format", Set.of("text", "json", "sarif", "html"), "text")
                .toUpperCase(Locale.ROOT));
        SharedOptions shared = SharedOptions.read(cl, ctx);
        Optional<Severity> failOn = cl.hasOption("fail-on")
                ? Optional.of(Severity.parse(
                        Args.choice(cl, ctx, "fail-on", Set.of("critical", "high", "medium", "low", "info"), "high")))
                : Optional.empty();
        AuditOptions defaults = AuditOptions.defaults();
        int warn = days(cl, ctx, "cert-warn-days", defaults.certWarnDays());
        int critical = days(cl, ctx, "cert-critical-days", Math.min(defaults.certCriticalDays(), warn));
        if (critical > warn) {
            throw new UsageException(ctx.msg("audit.certDaysOrder"));
        }
        Optional<Path> installDir =
                Optional.ofNullable(cl.getOptionValue("install-dir")).map(ctx::resolve);
        if (installDir.isPresent() && !installDir.get().toFile().isDirectory()) {
            throw new InputException(installDir.get(), 0, InputException.Reason.MISSING);
        }
        boolean quiet = cl.hasOption("quiet");

        FleetAuditor fleetAuditor = auditor.get();
        Waivers waivers = shared.readWaivers(ctx, fleetAuditor.auditor().ruleIds());
        Args.oneServer(cl, inputs, ctx);
        Optional<Startup> startup = Args.startup(cl, ctx);
        AuditOptions options = new AuditOptions(
                        shared.profile(),
                        shared.target(),
                        shared.from(),
                        installDir,
                        warn,
                        critical,
                        waivers,
                        ctx.clock())
                .withStartup(startup);

        MailRoots.Discovery found = inputs.discover(ctx, quiet);
        Args.oneServer(startup, found.servers(), ctx);
        Path scanRoot = FleetAuditor.scanRoot(inputs.local(), ctx.workingDir());
        if (cl.hasOption("probe")) {
            options = probe(cl, ctx, found.servers(), options, quiet);
        }
        FleetScope scope = fleetAuditor.scope(found.servers(), scanRoot, found.skipped(), options);
        // Text on stdout shows each server as it is done; the other formats show what went wrong on stderr.
        boolean lines = format != Format.TEXT || quiet;
        PrintStream err = ctx.errors();
        if (lines) {
            scope.skipped().forEach(e -> err.println(OutputTexts.oneLine(scope, e, ctx.locale())));
        }
        FleetSummary summary;
        try (AuditWriter.Session session = writer(format, ctx, quiet, failOn).start(scope, ctx.out())) {
            try (Progress progress =
                    Progress.start(ctx, "audit.progress", scope.servers().size(), quiet)) {
                summary = fleetAuditor.audit(scope, session::prepare, (s, prepared) -> {
                    progress.above(
                            () -> {
                                report(s, scope, ctx, err, lines);
                                session.server(s, prepared);
                            },
                            ctx.out());
                    progress.step();
                });
            }
            session.finish(summary);
        }
        ctx.out().flush();
        return exitCode(summary, failOn);
    }

    /** Probes the one server's running XMail and adds what it shows to the options. */
    private static AuditOptions probe(
            CommandLine cl, CommandContext ctx, List<Path> servers, AuditOptions options, boolean quiet)
            throws UsageException {
        if (servers.size() != 1) {
            throw new UsageException(ctx.msg("probe.oneServer"));
        }
        ProbeFleet.Target target = ProbeArgs.target(
                cl.getOptionValue("probe"), ProbeArgs.services(cl, ctx), Optional.of(servers.get(0)), ctx);
        ProbeOptions probeOptions = ProbeArgs.options(cl, ctx);
        if (ctx.terminal() && !quiet) {
            ctx.errors().println(ctx.msg("probe.probing", 1));
        }
        Map<Path, HostProbe> probes = ProbeFleet.observe(List.of(target), probeOptions, h -> {});
        return options.withProbe(servers.get(0), probes.values().iterator().next());
    }

    private static AuditWriter writer(Format format, CommandContext ctx, boolean quiet, Optional<Severity> failOn) {
        return switch (format) {
            case TEXT -> new TextWriter(ctx.locale(), ctx.textCharset(), colour(ctx), quiet, failOn);
            case JSON -> new JsonWriter(ctx.locale(), Cli.version(), failOn, ctx.clock());
            case SARIF -> new SarifWriter(ctx.locale(), Cli.version());
            case HTML -> new HtmlAuditWriter(ctx.locale(), Cli.version(), ctx.clock());
        };
    }

    /**
     * Colour only on a terminal, never with {@code NO_COLOR} set; on Windows only in terminals known to read ANSI
     * escapes (Windows Terminal sets WT_SESSION; MSYS and Cygwin set TERM), as the classic console prints them raw.
     */
    static boolean colour(CommandContext ctx) {
        if (!ctx.terminal() || System.getenv("NO_COLOR") != null) {
            return false;
        }
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return !windows || System.getenv("WT_SESSION") != null || System.getenv("TERM") != null;
    }

    /**
     * A failed server, its unreadable files and its waiver notices as one line each on stderr, when stdout does not
     * already show them to a person (JSON, SARIF, HTML, quiet text); the stack trace of an internal error with
     * {@code --verbose}.
     */
    private static void report(ServerAudit s, FleetScope scope, CommandContext ctx, PrintStream err, boolean lines) {
        if (s.failed()) {
            if (lines) {
                err.println(OutputTexts.failure(scope, s, ctx.locale()));
            }
            if (ctx.verbose() && s instanceof ServerAudit.Crashed c) {
                c.error().printStackTrace(err);
            }
            return;
        }
        AuditResult r = ((ServerAudit.Audited) s).result();
        if (lines) {
            r.readErrors().forEach(e -> err.println(OutputTexts.oneLine(scope, e, ctx.locale())));
            for (Notice n : r.notices()) {
                err.println(scope.relative(n.location().file()) + ":"
                        + n.location().line() + ": " + n.message().render(ctx.locale()));
            }
        }
    }

    static ExitCode exitCode(FleetSummary fleet, Optional<Severity> failOn) {
        if (fleet.incomplete()) {
            if (fleet.audited() == 0) {
                return fleet.unreadable() == fleet.servers() ? ExitCode.INPUT : ExitCode.INTERNAL;
            }
            return ExitCode.PARTIAL;
        }
        return failOn.filter(fleet::failsAt).isPresent() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    static int days(CommandLine cl, CommandContext ctx, String option, int fallback) throws UsageException {
        String v = cl.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        try {
            int d = Integer.parseInt(v.strip());
            if (d < 0 || d > 3650) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(ctx.msg("audit.badDays", "--" + option, v));
        }
    }
}
