package org.xmailkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.WaiverException;
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
        o.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc(CommandContext.message(locale, "opt.report.out")).get());
        ReportRun.addOptions(o, locale);
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        List<Path> inputs = Args.paths(cl, ctx, 1);
        if (!cl.hasOption("out")) {
            throw new UsageException(ctx.msg("cli.missingArgument", "--out"));
        }
        Path out = ctx.resolve(cl.getOptionValue("out"));
        AuditOptions options;
        try {
            options = ReportRun.auditOptions(cl, ctx);
        } catch (WaiverException e) {
            ctx.errors().println(e.oneLine(ctx.locale()));
            return ExitCode.INPUT;
        }
        ReportRun.checkOut(out, ctx);
        FleetReport.Result r = ReportRun.run(inputs, out, options, ctx);
        ExitCode code = ReportRun.summarise(r, ctx);
        ctx.text().println(ctx.msg("report.written", r.index().toAbsolutePath().normalize()));
        return code;
    }
}
