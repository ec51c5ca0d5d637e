package org.xmailkit.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.OutputTexts;
import org.xmailkit.report.ProbeViews;

/**
 * {@code xmailkit probe --format sarif}: SARIF 2.1.0 with the NET- rules and one result per finding. A finding's
 * place is its endpoint, as a logical location of kind {@code resource} named {@code service://host:port}; when the
 * MailRoot line that causes it is known, that file and line are its physical location (relative to the scan root).
 * Waivers are suppressions, as in the audit's SARIF; hosts that could not be probed are tool execution notifications.
 */
public final class ProbeSarifWriter {

    private final Locale locale;
    private final String toolVersion;

    /**
     * @param locale      the language of rule texts and messages
     * @param toolVersion xmailkit's version
     */
    public ProbeSarifWriter(Locale locale, String toolVersion) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
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
     * @return the SARIF log
     */
    public ObjectNode tree(ObjectMapper mapper, ProbeReport report) {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SarifWriter.SCHEMA);
        log.put("version", SarifWriter.VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xmailkit");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), index.size());
            SarifWriter.rule(rules.addObject(), r, locale);
        }
        run.putObject("originalUriBaseIds")
                .putObject(SarifWriter.ROOT)
                .put("uri", SarifWriter.directoryUri(report.scanRoot()));
        run.put("language", locale.getLanguage().equals("ja") ? "ja" : "en");
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.failed().isEmpty());
        ArrayNode execution = invocation.putArray("toolExecutionNotifications");
        for (NetAudit h : report.failed()) {
            ObjectNode n = execution.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", h.probe().host() + ": " + ProbeViews.error(h.probe(), locale));
        }
        ArrayNode configuration = invocation.putArray("toolConfigurationNotifications");
        report.unusedWaivers().forEach(w -> {
            ObjectNode n = configuration.addObject();
            n.put("level", "note");
            n.putObject("message")
                    .put(
                            "text",
                            w.source() + ": " + OutputTexts.get(locale, "sarif.unusedWaiver", w.rule(), w.pathGlob()));
        });
        ArrayNode results = run.putArray("results");
        for (NetAudit h : report.hosts()) {
            for (NetFinding f : h.findings()) {
                result(results.addObject(), f, index.get(f.rule().id()), report);
            }
        }
        run.putObject("properties").put("profile", report.options().profile().id());
        return log;
    }

    private void result(ObjectNode o, NetFinding f, Integer ruleIndex, ProbeReport report) {
        o.put("ruleId", f.rule().id());
        if (ruleIndex != null) {
            o.put("ruleIndex", ruleIndex);
        }
        o.put("level", f.severity().sarifLevel());
        o.putObject("message").put("text", f.message(locale));
        ObjectNode loc = o.putArray("locations").addObject();
        if (f.cause().isPresent()) {
            Location l = f.cause().get();
            ObjectNode p = loc.putObject("physicalLocation");
            SarifWriter.artifact(
                    p.putObject("artifactLocation"), l.file(), report.scanRoot(), report.relative(l.file()));
            if (l.line() > 0) {
                p.putObject("region").put("startLine", l.line());
            }
        }
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("name", f.endpoint().display());
        logical.put("fullyQualifiedName", uri(f));
        logical.put("kind", "resource");
        o.putObject("partialFingerprints").put("xmailkitProbe/v1", fingerprint(f));
        SarifWriter.suppression(o, f.suppression(), locale);
        ObjectNode props = o.putObject("properties");
        props.put("endpoint", uri(f));
        ArrayNode ev = props.putArray("evidence");
        f.evidence().forEach(ev::add);
    }

    private static String uri(NetFinding f) {
        return f.endpoint().service().id() + "://" + f.endpoint().display();
    }

    private static String fingerprint(NetFinding f) {
        String key = String.join(
                "\u0000",
                List.of(
                        f.rule().id(),
                        uri(f),
                        f.message().key(),
                        String.join("\u0001", f.message().strings())));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
