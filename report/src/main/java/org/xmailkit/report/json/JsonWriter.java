package org.xmailkit.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.xmailkit.audit.AuditOptions;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.Profile;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.Waivers;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Reference;
import org.xmailkit.model.Text;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.report.AuditWriter;
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.OutputTexts;

/**
 * The audit as JSON, schema {@value #SCHEMA_VERSION} ({@code docs/audit-json.md}, {@code docs/schemas/}): every
 * finding, suppressed ones marked, every server (failed ones as error entries), in the order of the text output;
 * with {@code --probe}, the server's wire observations ({@link ProbeJson}). Paths are relative to the scan root with
 * {@code /} separators. Written as the servers are audited, without a tree of the document: each server's entry goes
 * to a spool, the document is written at the end.
 */
public final class JsonWriter implements AuditWriter {

    /** The format's name, the value of {@code format}. */
    public static final String FORMAT = "xmailkit-audit";
    /**
     * The schema version: the major number changes when a field is removed or changes meaning, the minor number when
     * fields are added.
     */
    public static final String SCHEMA_VERSION = "1.3";

    // The names of the fields written for every finding and every rule's outcome, their quoted bytes made once.
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString SEVERITY = new SerializedString("severity");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString TITLE = new SerializedString("title");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString LOCATION = new SerializedString("location");
    private static final SerializedString FILE = new SerializedString("file");
    private static final SerializedString LINE = new SerializedString("line");
    private static final SerializedString COLUMN = new SerializedString("column");
    private static final SerializedString VARIABLE = new SerializedString("variable");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");
    private static final SerializedString REMEDIATION = new SerializedString("remediation");
    private static final SerializedString REMEDIATION_LINES = new SerializedString("remediationLines");
    private static final SerializedString SUPPRESSED = new SerializedString("suppressed");
    private static final SerializedString SUPPRESSION = new SerializedString("suppression");

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
    public JsonWriter(Locale locale, String toolVersion, Optional<Severity> failOn, Clock clock) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.failOn = Objects.requireNonNull(failOn, "failOn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Document start(FleetScope scope, OutputStream out) {
        return new Document(scope, out);
    }

    /**
     * @param scope what the audit is about
     * @return a document whose servers are written one at a time and which is written out at the end
     *         ({@link Document#writeTo})
     */
    public Document document(FleetScope scope) {
        return new Document(scope, null);
    }

    /**
     * The JSON document of one audit: each server's entry is written as the server is handed over, into a spool,
     * then the whole document at the end, the entries copied from the spool after the summary.
     */
    public final class Document implements Session {
        private final FleetScope scope;
        private final OutputStream out;
        private final JsonDocument.Elements servers = new JsonDocument.Elements(1);

        private Document(FleetScope scope, OutputStream out) {
            this.scope = Objects.requireNonNull(scope, "scope");
            this.out = out;
        }

        @Override
        public void server(ServerAudit s, Object prepared) throws IOException {
            try (JsonGenerator g = servers.next()) {
                JsonWriter.this.server(g, s, scope);
            }
        }

        @Override
        public void finish(FleetSummary summary) throws IOException {
            writeTo(summary, out);
        }

        /**
         * Writes the whole document, with every server given so far.
         *
         * @param summary the fleet's counts
         * @param to      where to write; flushed, not closed
         * @throws IOException when writing fails
         */
        public void writeTo(FleetSummary summary, OutputStream to) throws IOException {
            try (JsonGenerator g = JsonDocument.generator(to, 0)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeStringField("schemaVersion", SCHEMA_VERSION);
                g.writeObjectFieldStart("tool");
                g.writeStringField("name", "xmailkit");
                g.writeStringField("version", toolVersion);
                g.writeEndObject();
                g.writeStringField(
                        "generatedAt",
                        Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
                g.writeStringField("language", locale.getLanguage().equals("ja") ? "ja" : "en");
                g.writeStringField(
                        "scanRoot",
                        scope.scanRoot().toAbsolutePath().normalize().toString());
                g.writeFieldName("options");
                options(g, scope.options());
                g.writeFieldName("summary");
                summary(g, summary);
                g.writeFieldName("servers");
                JsonDocument.array(g, to, servers);
                g.writeArrayFieldStart("skipped");
                for (InputException e : scope.skipped()) {
                    g.writeStartObject();
                    g.writeStringField("path", scope.relative(e.path()));
                    g.writeStringField("reason", skipReason(e.reason()));
                    g.writeStringField("message", OutputTexts.bareMessage(e, locale));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("unusedWaivers");
                for (Waivers.Waiver w : summary.unusedWaivers()) {
                    g.writeStartObject();
                    g.writeStringField("ruleId", w.rule());
                    g.writeStringField("path", w.pathGlob());
                    g.writeStringField("reason", w.reason());
                    g.writeStringField(
                            "expires", w.expires() == null ? null : w.expires().toString());
                    g.writeStringField("source", w.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("rules");
                for (RuleInfo r : scope.rules()) {
                    rule(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            to.write('\n');
            to.flush();
        }

        @Override
        public void close() throws IOException {
            servers.close();
        }
    }

    private void options(JsonGenerator g, AuditOptions options) throws IOException {
        g.writeStartObject();
        g.writeStringField("profile", options.profile().id());
        g.writeStringField("target", options.target().toString());
        g.writeStringField("from", options.from().map(Object::toString).orElse(null));
        g.writeStringField(
                "installDir", options.installDir().map(Path::toString).orElse(null));
        g.writeStringField("failOn", failOn.map(Severity::id).orElse(null));
        g.writeNumberField("certWarnDays", options.certWarnDays());
        g.writeNumberField("certCriticalDays", options.certCriticalDays());
        g.writeEndObject();
    }

    private void summary(JsonGenerator g, FleetSummary fleet) throws IOException {
        g.writeStartObject();
        g.writeNumberField("servers", fleet.servers());
        g.writeNumberField("audited", fleet.audited());
        g.writeNumberField("failed", fleet.failed());
        g.writeBooleanField("incomplete", fleet.incomplete());
        g.writeFieldName("findings");
        counts(g, fleet.active());
        g.writeNumberField("suppressed", fleet.suppressed());
        if (failOn.isPresent()) {
            g.writeBooleanField("failOnReached", fleet.failsAt(failOn.get()));
        } else {
            g.writeNullField("failOnReached");
        }
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Map<Severity, Integer> counts) throws IOException {
        g.writeStartObject();
        for (Severity s : Severity.values()) {
            g.writeNumberField(s.id(), counts.getOrDefault(s, 0));
        }
        g.writeEndObject();
    }

    private void server(JsonGenerator g, ServerAudit s, FleetScope scope) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", scope.relative(s.path()));
        if (s instanceof ServerAudit.Audited a) {
            AuditResult r = a.result();
            g.writeStringField("status", "audited");
            g.writeBooleanField("bare", r.bare());
            g.writeFieldName("sourceVersion");
            source(g, r.source());
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            int suppressed = 0;
            for (Finding f : r.findings()) {
                if (f.suppressed()) {
                    suppressed++;
                } else {
                    counts.merge(f.severity(), 1, Integer::sum);
                }
            }
            g.writeFieldName("counts");
            counts(g, counts);
            g.writeNumberField("suppressed", suppressed);
            g.writeArrayFieldStart("findings");
            for (Finding f : r.findings()) {
                finding(g, f, scope);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rules");
            for (RuleOutcome out : r.outcomes()) {
                g.writeStartObject();
                JsonDocument.field(g, RULE_ID, out.rule().id());
                JsonDocument.field(g, STATUS, status(out.status()));
                JsonDocument.field(
                        g, REASON, out.reason().isPresent() ? out.reason().get().render(locale) : null);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("readErrors");
            for (InputException e : r.readErrors()) {
                g.writeStartObject();
                g.writeStringField("file", scope.relative(e.path()));
                g.writeNumberField("line", e.line());
                g.writeStringField("message", OutputTexts.bareMessage(e, locale));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notices");
            for (Notice n : r.notices()) {
                g.writeStartObject();
                g.writeStringField("file", scope.relative(n.location().file()));
                g.writeNumberField("line", n.location().line());
                g.writeStringField("message", n.message().render(locale));
                g.writeEndObject();
            }
            g.writeEndArray();
            if (r.probe().isPresent()) {
                // The probe's observations are few: written as the tree ProbeJson makes, in this generator's layout.
                ObjectNode probe = JsonNodeFactory.instance.objectNode();
                ProbeJson.observations(probe, r.probe().get());
                g.writeFieldName("probe");
                g.writeTree(probe);
            }
        } else {
            g.writeStringField("status", "failed");
            g.writeObjectFieldStart("error");
            if (s instanceof ServerAudit.Unreadable u) {
                g.writeStringField("kind", "input");
                g.writeStringField("file", scope.relative(u.error().path()));
                g.writeNumberField("line", u.error().line());
            } else {
                g.writeStringField("kind", "internal");
                g.writeStringField("file", scope.relative(s.path()));
                g.writeNumberField("line", 0);
            }
            g.writeStringField("message", OutputTexts.failureMessage(s, locale));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void source(JsonGenerator g, SourceVersion v) throws IOException {
        g.writeStartObject();
        g.writeStringField("earliest", v.earliest().toString());
        g.writeStringField("latest", v.latest().toString());
        g.writeStringField("display", v.display());
        g.writeBooleanField("given", v.given());
        g.writeArrayFieldStart("evidence");
        for (Text t : v.evidence()) {
            g.writeString(t.render(locale));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void finding(JsonGenerator g, Finding f, FleetScope scope) throws IOException {
        RuleInfo r = f.rule();
        g.writeStartObject();
        JsonDocument.field(g, RULE_ID, r.id());
        JsonDocument.field(g, SEVERITY, r.severity().id());
        JsonDocument.field(g, CATEGORY, r.category().id());
        JsonDocument.field(g, TITLE, r.title(locale));
        JsonDocument.field(g, MESSAGE, f.message(locale));
        Location l = f.location();
        g.writeFieldName(LOCATION);
        g.writeStartObject();
        JsonDocument.field(g, FILE, scope.relative(l.file()));
        g.writeFieldName(LINE);
        g.writeNumber(l.line());
        g.writeFieldName(COLUMN);
        g.writeNumber(l.column());
        JsonDocument.field(g, VARIABLE, l.variable());
        g.writeEndObject();
        g.writeFieldName(EVIDENCE);
        g.writeStartArray();
        for (String e : f.evidence()) {
            g.writeString(e);
        }
        g.writeEndArray();
        JsonDocument.field(g, REMEDIATION, r.remediation(locale));
        g.writeFieldName(REMEDIATION_LINES);
        g.writeStartArray();
        for (String line : r.remediationLines()) {
            g.writeString(line);
        }
        g.writeEndArray();
        g.writeFieldName(SUPPRESSED);
        g.writeBoolean(f.suppressed());
        if (f.suppression().isPresent()) {
            Suppression s = f.suppression().get();
            g.writeFieldName(SUPPRESSION);
            g.writeStartObject();
            g.writeStringField("kind", s.kind() == Suppression.Kind.INLINE ? "inline" : "waiverFile");
            g.writeStringField("reason", s.reason());
            g.writeStringField("expires", s.expires().map(Object::toString).orElse(null));
            g.writeBooleanField("expired", s.expired());
            g.writeStringField("source", s.source());
            g.writeEndObject();
        } else {
            g.writeFieldName(SUPPRESSION);
            g.writeNull();
        }
        g.writeEndObject();
    }

    /** A rule's descriptor: few per document, so the same tree the probe's writer builds, in this layout. */
    private void rule(JsonGenerator g, RuleInfo r) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        rule(o, r, locale);
        g.writeTree(o);
    }

    private static String skipReason(InputException.Reason r) {
        return switch (r) {
            case TOO_DEEP -> "tooDeep";
            case LINK_OUTSIDE -> "linkOutside";
            default -> "unreadable";
        };
    }

    // Parts as trees: the probe's JSON (ProbeJsonWriter) builds its document whole; rule descriptors serve both.

    /**
     * @param o      where to write
     * @param r      a rule
     * @param locale the language of its texts
     */
    static void rule(ObjectNode o, RuleInfo r, Locale locale) {
        o.put("id", r.id());
        o.put("severity", r.severity().id());
        o.put("category", r.category().id());
        o.put("title", r.title(locale));
        o.put("summary", r.summary(locale));
        ArrayNode profiles = o.putArray("profiles");
        new TreeSet<>(r.profiles()).stream().map(Profile::id).forEach(profiles::add);
        o.put("fix", r.fix().name().toLowerCase(Locale.ROOT));
        ArrayNode refs = o.putArray("references");
        for (Reference ref : r.references()) {
            ObjectNode n = refs.addObject();
            n.put("source", ref.source());
            n.put("section", ref.section());
            n.put("url", ref.url());
        }
        ArrayNode lines = o.putArray("remediationLines");
        r.remediationLines().forEach(lines::add);
    }

    /**
     * Writes {@code suppressed} and {@code suppression} (an object, or null).
     *
     * @param o           where to write
     * @param suppression the waiver that applies, if any
     */
    static void suppression(ObjectNode o, Optional<Suppression> suppression) {
        o.put("suppressed", suppression.map(Suppression::active).orElse(false));
        if (suppression.isPresent()) {
            Suppression s = suppression.get();
            ObjectNode n = o.putObject("suppression");
            n.put("kind", s.kind() == Suppression.Kind.INLINE ? "inline" : "waiverFile");
            n.put("reason", s.reason());
            n.put("expires", s.expires().map(Object::toString).orElse(null));
            n.put("expired", s.expired());
            n.put("source", s.source());
        } else {
            o.putNull("suppression");
        }
    }

    /**
     * @param o      where to write
     * @param counts findings per severity
     */
    static void severityCounts(ObjectNode o, Map<Severity, Integer> counts) {
        for (Severity s : Severity.values()) {
            o.put(s.id(), counts.getOrDefault(s, 0));
        }
    }

    /**
     * @param o       where to write
     * @param outcome a rule's outcome
     * @param locale  the language of the reason
     */
    static void outcome(ObjectNode o, RuleOutcome outcome, Locale locale) {
        o.put("ruleId", outcome.rule().id());
        o.put("status", status(outcome.status()));
        o.put("reason", outcome.reason().map(t -> t.render(locale)).orElse(null));
    }

    /**
     * @param unused  where to write
     * @param waivers waiver-file entries that matched nothing
     */
    static void unusedWaivers(ArrayNode unused, List<Waivers.Waiver> waivers) {
        for (Waivers.Waiver w : waivers) {
            ObjectNode n = unused.addObject();
            n.put("ruleId", w.rule());
            n.put("path", w.pathGlob());
            n.put("reason", w.reason());
            n.put("expires", w.expires() == null ? null : w.expires().toString());
            n.put("source", w.source());
        }
    }

    private static String status(RuleOutcome.Status s) {
        return switch (s) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case NOT_APPLICABLE -> "notApplicable";
            case SKIPPED -> "skipped";
        };
    }
}
