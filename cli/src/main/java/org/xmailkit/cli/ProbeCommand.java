package org.xmailkit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.ProbeFleet;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.audit.probe.Service;
import org.xmailkit.audit.probe.TlsPolicy;
import org.xmailkit.cli.SharedOptions.Shared;
import org.xmailkit.report.ProbeHtmlWriter;
import org.xmailkit.report.ProbeViews;
import org.xmailkit.report.json.ProbeJsonWriter;
import org.xmailkit.report.sarif.ProbeSarifWriter;
import org.xmailkit.report.text.ProbeTextWriter;

/**
 * {@code xmailkit probe HOST[:PORT]...}: what running servers show on the wire (SMTP, submission, POP3, CTRL and their
 * TLS ports), checked by the NET- rules, with {@code --mailroot} compared with the files the server runs on. Only
 * the hosts named are contacted, over a bounded number of connections; nothing is logged in to and no message is
 * sent. Exit 1 when an unsuppressed finding reaches {@code --fail-on}; 3 when no host could be probed or the MailRoot
 * or waiver file cannot be used; 4 when some hosts could not be probed.
 */
final class ProbeCommand implements Command {

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String operands() {
        return "HOST[:PORT]...";
    }

    @Override
    public Options options(Locale locale) {
        Options o = new Options();
        ProbeArgs.addOptions(o, locale);
        o.addOption(Args.valued(null, "mailroot", "PATH", locale, "opt.probe.mailroot"));
        o.addOption(Args.valued("f", "format", "text|json|sarif|html", locale, "opt.probe.format"));
        o.addOption(Args.valued(null, "fail-on", "SEVERITY", locale, "opt.audit.failOn"));
        SharedOptions.add(o, locale, Shared.WAIVERS, Shared.PROFILE);
        o.addOption(Args.valued(null, "cert-warn-days", "DAYS", locale, "opt.audit.certWarnDays"));
        o.addOption(Args.flag("q", "quiet", locale, "opt.audit.quiet"));
        return o;
    }

    @Override
    public ExitCode run(CommandLine cl, CommandContext ctx) throws Exception {
        // Before any TLS of this process: the probe must be able to offer TLS 1.0 and old suites to find them.
        TlsPolicy.allowLegacy();
        List<String> hosts = cl.getArgList();
        if (hosts.isEmpty()) {
            throw new UsageException(ctx.msg("probe.missingHosts"));
        }
        String format = Args.choice(cl, ctx, "format", Set.of("text", "json", "sarif", "html"), "text");
        Optional<Severity> failOn = cl.hasOption("fail-on")
                ? Optional.of(Severity.parse(
                        Args.choice(cl, ctx, "fail-on", Set.of("critical", "high", "medium", "low", "info"), "high")))
                : Optional.empty();
        List<Map.Entry<Service, Integer>> services = ProbeArgs.services(cl, ctx);
        ProbeOptions probe = ProbeArgs.options(cl, ctx);
        Optional<Path> mailRoot =
                Optional.ofNullable(cl.getOptionValue("mailroot")).map(ctx::resolve);
        if (mailRoot.isPresent() && hosts.size() != 1) {
            throw new UsageException(ctx.msg("probe.mailrootOneHost"));
        }
        List<ProbeFleet.Target> targets = new ArrayList<>();
        for (String h : hosts) {
            targets.add(ProbeArgs.target(h, services, mailRoot, ctx));
        }
        AuditOptions defaults = AuditOptions.defaults();
        int warn = defaults.certWarnDays();
        if (cl.hasOption("cert-warn-days")) {
            warn = AuditCommand.days(cl, ctx, "cert-warn-days", warn);
        }
        SharedOptions shared = SharedOptions.read(cl, ctx);
        Waivers waivers = shared.readWaivers(ctx, Set.of());
        AuditOptions options = new AuditOptions(
                shared.profile(),
                defaults.target(),
                Optional.empty(),
                Optional.empty(),
                warn,
                Math.min(defaults.certCriticalDays(), warn),
                waivers,
                ctx.clock());
        boolean quiet = cl.hasOption("quiet");

        ProbeReport report;
        boolean bar = ctx.terminal() && !quiet && targets.size() > 1;
        try (ProgressBar progress = bar
                ? new ProgressBarBuilder()
                        .setTaskName("probe")
                        .setInitialMax(targets.size())
                        .setConsumer(new ConsoleProgressBarConsumer(ctx.progress()))
                        .clearDisplayOnFinish()
                        .build()
                : null) {
            Consumer<HostProbe> step = progress == null ? h -> {} : h -> progress.step();
            report = ProbeFleet.standard().run(targets, ctx.workingDir(), options, probe, step);
        }
        boolean textOnStdout = format.equals("text") && !quiet;
        failures(report, ctx, !textOnStdout);
        switch (format) {
            case "json" ->
                new ProbeJsonWriter(ctx.locale(), Cli.version(), failOn, ctx.clock()).write(report, ctx.out());
            case "sarif" -> new ProbeSarifWriter(ctx.locale(), Cli.version()).write(report, ctx.out());
            case "html" -> new ProbeHtmlWriter(ctx.locale(), Cli.version(), ctx.clock()).write(report, ctx.out());
            default ->
                new ProbeTextWriter(ctx.locale(), ctx.textCharset(), AuditCommand.colour(ctx), quiet, failOn)
                        .write(report, ctx.out());
        }
        ctx.out().flush();
        if (!report.failed().isEmpty()) {
            return report.failed().size() == report.hosts().size() ? ExitCode.INPUT : ExitCode.PARTIAL;
        }
        return failOn.filter(report::failsAt).isPresent() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Hosts that could not be probed and waiver notices, one line each on stderr when stdout does not show them. */
    private static void failures(ProbeReport report, CommandContext ctx, boolean lines) {
        if (!lines) {
            return;
        }
        PrintStream err = ctx.errors();
        for (NetAudit h : report.hosts()) {
            if (!h.probe().probed()) {
                err.println(h.probe().host() + ": " + ProbeViews.error(h.probe(), ctx.locale()));
            }
            for (Notice n : h.notices()) {
                err.println(report.relative(n.location().file()) + ":"
                        + n.location().line() + ": " + n.message().render(ctx.locale()));
            }
        }
        err.flush();
    }
}
