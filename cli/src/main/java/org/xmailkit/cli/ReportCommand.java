package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.audit.ProbeFleet;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.TlsPolicy;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.report.FleetReport;

/**
 * {@code xmailkit report PATHS... --out DIR}: audits every server, makes its migration plan (dry run) and writes the
 * HTML site ({@code index.html}, {@code servers/<id>.html}, {@code rules.html}).
 */
final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        o.addOption(Args.valued("o", "out", "DIR", locale, "opt.report.out"));
        ReportRun.addOptions(o, locale);
        RemoteInputs.addOptions(o, locale);
        o.addOption(Args.valued(null, "probe", "HOST=PATH,...", locale, "opt.report.probe"));
        ProbeArgs.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        if (cl.hasOption("probe")) {
            // Before any TLS of this process (a ctrl:// input speaks TLS too): the probe must be able to offer
            // TLS 1.0 and old suites to find them.
            TlsPolicy.allowLegacy();
        }
        try (RemoteInputs inputs = RemoteInputs.of(cl, ctx, 1)) {
            return run(cl, ctx, inputs);
        }
    }

    private static ExitCode run(CommandLine cl, CommandContext ctx, RemoteInputs inputs) throws Exception {
        if (!cl.hasOption("out")) {
            throw new UsageException(ctx.msg("cli.missingArgument", "--out"));
        }
        Path out = ctx.resolve(cl.getOptionValue("out"));
        Args.oneServer(cl, inputs, ctx);
        AuditOptions options = ReportRun.auditOptions(cl, ctx);
        List<ProbeFleet.Target> probes = targets(cl, ctx);
        WriteManifest manifest = ReportRun.checkOut(out, ctx);
        FleetReport.Result r = ReportRun.run(
                inputs.discover(ctx, false),
                FleetAuditor.scanRoot(inputs.local(), ctx.workingDir()),
                manifest,
                options,
                ctx,
                probes,
                ProbeArgs.options(cl, ctx));
        ExitCode code = ReportRun.summarise(r, ctx);
        ctx.text().println(ctx.msg("report.written", r.index().toAbsolutePath().normalize()));
        return code;
    }

    /** @return the {@code --probe HOST=PATH,...} pairs as targets (the paths are checked against the report later) */
    private static List<ProbeFleet.Target> targets(CommandLine cl, CommandContext ctx) throws UsageException {
        List<ProbeFleet.Target> out = new ArrayList<>();
        String[] given = cl.getOptionValues("probe");
        if (given == null) {
            return out;
        }
        List<Map.Entry<Service, Integer>> services = ProbeArgs.services(cl, ctx);
        for (String value : given) {
            for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new UsageException(ctx.msg("probe.badPair", pair));
                }
                out.add(ProbeArgs.target(
                        pair.substring(0, eq),
                        services,
                        Optional.of(ctx.resolve(pair.substring(eq + 1).strip())),
                        ctx));
            }
        }
        return out;
    }
}
