package org.xmailkit.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.probe.Endpoint;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.report.JsonDocument;

/**
 * {@code xmailkit probe --format json}, schema {@value #SCHEMA_VERSION} ({@code docs/probe.md},
 * {@code docs/schemas/xmailkit-probe-1.schema.json}): per host its observations ({@link ProbeJson}), then its NET-
 * findings, suppressed ones marked, in the order of the text output.
 */
public final class ProbeJsonWriter {

    /** The format's name, the value of {@code format}. */
    public static final String FORMAT = "xmailkit-probe";
    /** The schema version (major: a field removed or changed; minor: fields added). */
    public static final String SCHEMA_VERSION = "1.0";

    private final Locale locale;
    private final String toolVersion;
    private final Optional<Severity> failOn;
    private final Clock clock;

    /**
     * @param locale      the language of titles and messages
     * @param toolVersion xmailkit's version
     * @param failOn      the {@code --fail-on} threshold, if given
     * @param clock       gives {@code generatedAt}
     */
    public ProbeJsonWriter(Locale locale, String toolVersion, Optional<Severity> failOn, Clock clock) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.failOn = Objects.requireNonNull(failOn, "failOn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param report the probe
     * @param out    where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void write(ProbeReport report, OutputStream out) throws IOException {
        JsonDocument.write(out, mapper -> tree(mapper, report));
    }

    /**
     * @param mapper a mapper
     * @param report the probe
     * @return the document
     */
    public ObjectNode tree(ObjectMapper mapper, ProbeReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "xmailkit");
        tool.put("version", toolVersion);
        root.put(
                "generatedAt",
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("language", locale.getLanguage().equals("ja") ? "ja" : "en");
        root.put("scanRoot", report.scanRoot().toAbsolutePath().normalize().toString());
        ObjectNode options = root.putObject("options");
        options.put("timeoutSeconds", report.probe().timeout().toSeconds());
        options.put("connectionsPerEndpoint", report.probe().connectionLimit());
        options.put("parallelHosts", report.probe().parallelHosts());
        options.put("profile", report.options().profile().id());
        options.put("failOn", failOn.map(Severity::id).orElse(null));
        options.put("certWarnDays", report.options().certWarnDays());
        ObjectNode summary = root.putObject("summary");
        summary.put("hosts", report.hosts().size());
        summary.put("probed", report.hosts().size() - report.failed().size());
        summary.put("failed", report.failed().size());
        List<EndpointProbe> all = report.hosts().stream()
                .flatMap(h -> h.probe().endpoints().stream())
                .toList();
        summary.put("endpoints", all.size());
        summary.put("open", all.stream().filter(EndpointProbe::open).count());
        JsonWriter.severityCounts(summary.putObject("findings"), report.activeCounts());
        summary.put("suppressed", report.suppressedCount());
        if (failOn.isPresent()) {
            summary.put("failOnReached", report.failsAt(failOn.get()));
        } else {
            summary.putNull("failOnReached");
        }
        ArrayNode hosts = root.putArray("hosts");
        for (NetAudit h : report.hosts()) {
            host(hosts.addObject(), h, report);
        }
        JsonWriter.unusedWaivers(root.putArray("unusedWaivers"), report.unusedWaivers());
        ArrayNode rules = root.putArray("rules");
        for (RuleInfo r : report.rules()) {
            JsonWriter.rule(rules.addObject(), r, locale);
        }
        return root;
    }

    private void host(ObjectNode o, NetAudit h, ProbeReport report) {
        o.put("host", h.probe().host());
        o.put("status", h.probe().probed() ? "probed" : "failed");
        o.put("mailRoot", h.mailRoot().map(report::relative).orElse(null));
        ProbeJson.observations(o.putObject("observations"), h.probe());
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        h.active().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        JsonWriter.severityCounts(o.putObject("counts"), counts);
        o.put("suppressed", h.suppressed().size());
        ArrayNode findings = o.putArray("findings");
        for (NetFinding f : h.findings()) {
            finding(findings.addObject(), f, report);
        }
        ArrayNode outcomes = o.putArray("rules");
        for (RuleOutcome out : h.outcomes()) {
            JsonWriter.outcome(outcomes.addObject(), out, locale);
        }
        ArrayNode notices = o.putArray("notices");
        for (Notice n : h.notices()) {
            ObjectNode x = notices.addObject();
            x.put("file", report.relative(n.location().file()));
            x.put("line", n.location().line());
            x.put("message", n.message().render(locale));
        }
    }

    private void finding(ObjectNode o, NetFinding f, ProbeReport report) {
        RuleInfo r = f.rule();
        o.put("ruleId", r.id());
        o.put("severity", r.severity().id());
        o.put("category", r.category().id());
        o.put("title", r.title(locale));
        o.put("message", f.message(locale));
        Endpoint e = f.endpoint();
        ObjectNode ep = o.putObject("endpoint");
        ep.put("service", e.service().id());
        ep.put("host", e.host());
        ep.put("port", e.port());
        ep.put("display", e.display());
        if (f.cause().isPresent()) {
            Location l = f.cause().get();
            ObjectNode c = o.putObject("cause");
            c.put("file", report.relative(l.file()));
            c.put("line", l.line());
            c.put("column", l.column());
            c.put("variable", l.variable());
        } else {
            o.putNull("cause");
        }
        ArrayNode ev = o.putArray("evidence");
        f.evidence().forEach(ev::add);
        o.put("remediation", r.remediation(locale));
        ArrayNode lines = o.putArray("remediationLines");
        r.remediationLines().forEach(lines::add);
        JsonWriter.suppression(o, f.suppression());
    }
}
