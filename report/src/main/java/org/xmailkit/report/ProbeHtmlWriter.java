package org.xmailkit.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Secrets;

/**
 * {@code probe --format html}: one self-contained page with every host's observations and NET- findings, with the
 * same templates, escaping and Content Security Policy as the report site ({@link HtmlRenderer}).
 */
public final class ProbeHtmlWriter {

    private final Locale locale;
    private final String toolVersion;
    private final Clock clock;

    /**
     * @param locale      the page's language
     * @param toolVersion xmailkit's version
     * @param clock       gives the generation time
     */
    public ProbeHtmlWriter(Locale locale, String toolVersion, Clock clock) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param report the probe
     * @param out    where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void write(ProbeReport report, OutputStream out) throws IOException {
        List<ProbePage.Host> hosts = new ArrayList<>();
        int n = 0;
        for (NetAudit h : report.hosts()) {
            n++;
            hosts.add(host("host-" + n, h, report));
        }
        List<EndpointProbe> all = report.hosts().stream()
                .flatMap(h -> h.probe().endpoints().stream())
                .toList();
        ProbePage page = new ProbePage(
                hosts,
                ServerReports.countsOf(report.hosts().stream()
                        .flatMap(h -> h.active().stream())
                        .map(NetFinding::severity)
                        .toList()),
                report.suppressedCount(),
                all.size(),
                (int) all.stream().filter(EndpointProbe::open).count());
        String when =
                ZonedDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        ReportModel.Meta meta = new ReportModel.Meta(
                Messages.isJapanese(locale) ? "ja" : "en",
                when,
                toolVersion,
                "-",
                report.options().profile().id(),
                report.scanRoot().toAbsolutePath().normalize().toString());
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new HtmlRenderer(locale, meta).probe(page, w);
        w.flush();
    }

    private ProbePage.Host host(String id, NetAudit h, ProbeReport report) {
        ProbeView view =
                ProbeViews.of(h.probe(), h.mailRoot().map(report::relative).orElse(""), locale);
        List<ServerReport.CategoryGroup> groups =
                ServerReports.groups(h.findings(), NetFinding::rule, f -> view(f, report), locale);
        return new ProbePage.Host(
                id,
                view,
                ServerReports.countsOf(
                        h.active().stream().map(NetFinding::severity).toList()),
                h.suppressed().size(),
                groups);
    }

    private ServerReport.FindingView view(NetFinding f, ProbeReport report) {
        String where = f.endpoint().label()
                + f.cause()
                        .map(c -> " \u00b7 " + report.relative(c.file()) + (c.line() > 0 ? ":" + c.line() : ""))
                        .orElse("");
        return new ServerReport.FindingView(
                f.rule().id(),
                f.severity(),
                f.rule().title(locale),
                f.message(locale),
                where,
                f.cause().map(c -> c.variable()).orElse(""),
                f.evidence(),
                f.suppression()
                        .map(s -> ServerReports.suppression(s, Secrets.NONE))
                        .orElse(null));
    }
}
