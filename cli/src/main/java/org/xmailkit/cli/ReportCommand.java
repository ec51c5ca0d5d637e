package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.FleetAuditor;
import org.xmailkit.model.MailRoots;
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
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
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
        WriteManifest manifest = ReportRun.checkOut(out, ctx);
        FleetReport.Result r = ReportRun.run(inputs.discover(ctx, false),
                FleetAuditor.scanRoot(inputs.local(), ctx.workingDir()), manifest, options, ctx);
        ExitCode code = ReportRun.summarise(r, ctx);
        ctx.text().println(ctx.msg("report.written", r.index().toAbsolutePath().normalize()));
        return code;
    }
}
