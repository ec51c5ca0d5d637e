package org.xmailkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.Auditor;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.NetAuditor;
import org.xmailkit.audit.ProbeFleet;
import org.xmailkit.audit.WaiverException;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.cli.SharedOptions.Shared;
import org.xmailkit.migrate.MigrationOptions;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;
import org.xmailkit.report.AuditedMigrator;
import org.xmailkit.report.FleetReport;
import org.xmailkit.report.MigratePlanner;
import org.xmailkit.report.ReportModel;
import org.xmailkit.report.SeverityCount;
import org.xmailkit.report.SiteWriter;

/** What {@code report} and {@code demo} share: the report options, the run and its summary. */
final class ReportRun {

    private ReportRun() {}

    /**
     * Adds the options every report command takes.
     *
     * @param o      the options
     * @param locale the language of the descriptions
     */
    static void addOptions(Options o, Locale locale) {
        SharedOptions.add(o, locale, Shared.TO, Shared.PROFILE, Shared.FROM, Shared.WAIVERS);
        Args.addStartupOptions(o, locale);
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @return the audit options the command line asks for
     * @throws UsageException  for a bad value
     * @throws InputException  when the waiver file cannot be read
     * @throws WaiverException when the waiver file has a bad entry
     */
    static AuditOptions auditOptions(CommandLine cl, CommandContext ctx)
            throws UsageException, InputException, WaiverException {
        return SharedOptions.read(cl, ctx)
                .auditOptions(ctx, Auditor.standard().ruleIds())
                .withStartup(Args.startup(cl, ctx));
    }

    /**
     * Opens the output directory, before anything else is done: new, empty, or holding an earlier report whose
     * files are unchanged.
     *
     * @param out the output directory as given
     * @param ctx the context
     * @return the directory, with what earlier reports wrote there
     * @throws UsageException when it may not be written to (files xmailkit did not write, a changed file, a link)
     * @throws IOException    when it cannot be read
     */
    static WriteManifest checkOut(Path out, CommandContext ctx) throws UsageException, IOException {
        try {
            return SiteWriter.directory(out, WritePolicy.STANDARD);
        } catch (WriteRefusedException e) {
            throw new UsageException(e.oneLine(ctx.locale()));
        }
    }

    /**
     * Audits and plans every server found under the inputs and writes the report.
     *
     * @param inputs  the paths given (directories are searched for MailRoots)
     * @param out     the output directory, from {@link #checkOut}
     * @param options the audit options
     * @param ctx     the context
     * @return the result
     * @throws InputException when an input is missing or holds no MailRoot
     * @throws UsageException when a file of the report may not be replaced, or a command line given applies to
     *                        more than one server
     * @throws IOException    when the report cannot be written
     */
    static FleetReport.Result run(List<Path> inputs, WriteManifest out, AuditOptions options, CommandContext ctx)
            throws InputException, UsageException, IOException {
        return run(MailRoots.discover(inputs), FleetAuditor.scanRoot(inputs, ctx.workingDir()), out, options, ctx);
    }

    /**
     * Audits and plans the given servers and writes the report.
     *
     * @param found    MailRoot directories and bare server.tab files (local copies of remote servers included), and
     *                 what could not be searched
     * @param scanRoot the directory paths are shown relative to
     * @param out      the output directory
     * @param options  the audit options
     * @param ctx      the context
     * @return the result
     * @throws UsageException when a file of the report may not be replaced, or a command line given applies to
     *                        more than one server
     * @throws IOException    when the report cannot be written
     */
    static FleetReport.Result run(
            MailRoots.Discovery found, Path scanRoot, WriteManifest out, AuditOptions options, CommandContext ctx)
            throws UsageException, IOException {
        return run(found, scanRoot, out, options, ctx, List.of(), ProbeOptions.defaults());
    }

    /**
     * Probes the running servers named, then audits and plans the given servers and writes the report; a probed
     * server's page shows what it showed on the wire and its NET- findings.
     *
     * @param found    MailRoot directories and bare server.tab files, and what could not be searched
     * @param scanRoot the directory paths are shown relative to
     * @param out      the output directory
     * @param options  the audit options
     * @param ctx      the context
     * @param probes   the hosts to probe, each with the MailRoot of the report it runs on
     * @param probe    how to probe
     * @return the result
     * @throws UsageException when a probe names no MailRoot of the report, or a report file may not be replaced
     * @throws IOException    when the report cannot be written
     */
    static FleetReport.Result run(
            MailRoots.Discovery found,
            Path scanRoot,
            WriteManifest out,
            AuditOptions options,
            CommandContext ctx,
            List<ProbeFleet.Target> probes,
            ProbeOptions probe)
            throws UsageException, IOException {
        List<Path> servers = found.servers();
        Args.oneServer(options.startup(), servers, ctx);
        if (!probes.isEmpty()) {
            Set<Path> known = new HashSet<>();
            servers.forEach(p -> known.add(NetAuditor.key(p)));
            for (ProbeFleet.Target t : probes) {
                Path at = t.mailRoot().orElseThrow();
                if (!known.contains(NetAuditor.key(at))) {
                    throw new UsageException(ctx.msg("probe.notInReport", at));
                }
            }
            if (ctx.terminal()) {
                ctx.errors().println(ctx.msg("probe.probing", probes.size()));
            }
            for (Map.Entry<Path, HostProbe> e :
                    ProbeFleet.observe(probes, probe, h -> {}).entrySet()) {
                options = options.withProbe(e.getKey(), e.getValue());
            }
        }
        String target = options.target().toString();
        MigrationOptions migration =
                MigrationOptions.standard().withTarget(options.target()).withFrom(options.from());
        FleetReport report = new FleetReport(
                Auditor.standard(),
                new MigratePlanner(AuditedMigrator.standard(), migration, options),
                new FleetReport.Options(
                        ctx.locale(),
                        options,
                        target,
                        Cli.version(),
                        Runtime.getRuntime().availableProcessors(),
                        ctx.clock()));
        try (Progress bar = Progress.start(ctx, "report.progress", servers.size(), false)) {
            return report.run(servers, found.skipped(), scanRoot, out, done -> bar.step());
        } catch (WriteRefusedException e) {
            throw new UsageException(e.oneLine(ctx.locale()));
        }
    }

    /**
     * Prints where the report is and what it found; failures go to stderr, one line each.
     *
     * @param r   the result
     * @param ctx the context
     * @return {@link ExitCode#PARTIAL} when some server failed or some file was not read, else {@link ExitCode#OK}
     */
    static ExitCode summarise(FleetReport.Result r, CommandContext ctx) {
        PrintStream out = ctx.text();
        ReportModel m = r.model();
        StringBuilder grades = new StringBuilder();
        for (ReportModel.GradeCount g : m.grades()) {
            if (g.count() > 0) {
                grades.append(grades.length() == 0 ? "" : ", ")
                        .append(g.grade().name())
                        .append(' ')
                        .append(g.count());
            }
        }
        StringBuilder sev = new StringBuilder();
        for (SeverityCount c : m.severities()) {
            sev.append(sev.length() == 0 ? "" : ", ")
                    .append(AuditMessages.get(
                            ctx.locale(), "severity." + c.severity().id()))
                    .append(' ')
                    .append(c.count());
        }
        out.println(ctx.msg("report.summary", m.servers(), m.failed(), grades.length() == 0 ? "-" : grades, sev));
        PrintStream err = ctx.errors();
        for (String f : r.failures()) {
            err.println(f);
        }
        // A file not read (a link leaving the MailRoot, a FIFO, over a bound) leaves the report incomplete, as the
        // audit says with the same exit code.
        return r.failures().isEmpty() && !r.fleet().incomplete() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /**
     * @param dir a directory
     * @return whether files can be created in it
     */
    static boolean writable(Path dir) {
        return Files.isDirectory(dir) && Files.isWritable(dir);
    }
}
