package org.xmailkit.report.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.xmailkit.audit.FleetResult;
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
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.OutputTexts;

/**
 * The JSON writer as it was before it streamed: it builds the whole document as a tree and writes it. Kept as the
 * reference the streaming writer is compared with, byte for byte ({@code StreamingJsonWriterTest}).
 */
final class TreeJsonWriter {

    /** The format's name, the value of {@code format}. */
    static final String FORMAT = JsonWriter.FORMAT;
    /**
     * The schema version: the major number changes when a field is removed or changes meaning, the minor number when
     * fields are added.
     */
    static final String SCHEMA_VERSION = JsonWriter.SCHEMA_VERSION;

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
    TreeJsonWriter(Locale locale, String toolVersion, Optional<Severity> failOn, Clock clock) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.failOn = Objects.requireNonNull(failOn, "failOn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void write(FleetResult fleet, OutputStream out) throws IOException {
        JsonDocument.write(out, mapper -> tree(mapper, fleet));
    }

    /**
     * @param mapper a mapper
     * @param fleet  the result
     * @return the document
     */
    ObjectNode tree(ObjectMapper mapper, FleetResult fleet) {
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
        root.put("scanRoot", fleet.scanRoot().toAbsolutePath().normalize().toString());
        options(root.putObject("options"), fleet.options());
        summary(root.putObject("summary"), fleet);
        ArrayNode servers = root.putArray("servers");
        for (ServerAudit s : fleet.servers()) {
            server(servers.addObject(), s, fleet);
        }
        ArrayNode skipped = root.putArray("skipped");
        for (InputException e : fleet.skipped()) {
            ObjectNode n = skipped.addObject();
            n.put("path", fleet.relative(e.path()));
            n.put("reason", skipReason(e.reason()));
            n.put("message", OutputTexts.bareMessage(e, locale));
        }
        unusedWaivers(root.putArray("unusedWaivers"), fleet.unusedWaivers());
        ArrayNode rules = root.putArray("rules");
        for (RuleInfo r : fleet.rules()) {
            rule(rules.addObject(), r);
        }
        return root;
    }

    private void options(ObjectNode o, AuditOptions options) {
        o.put("profile", options.profile().id());
        o.put("target", options.target().toString());
        o.put("from", options.from().map(Object::toString).orElse(null));
        o.put("installDir", options.installDir().map(Path::toString).orElse(null));
        o.put("failOn", failOn.map(Severity::id).orElse(null));
        o.put("certWarnDays", options.certWarnDays());
        o.put("certCriticalDays", options.certCriticalDays());
    }

    private void summary(ObjectNode o, FleetResult fleet) {
        o.put("servers", fleet.servers().size());
        o.put("audited", fleet.audited().size());
        o.put("failed", fleet.failed().size());
        o.put("incomplete", fleet.incomplete());
        counts(o.putObject("findings"), fleet.activeCounts());
        o.put("suppressed", fleet.suppressedCount());
        if (failOn.isPresent()) {
            o.put("failOnReached", fleet.failsAt(failOn.get()));
        } else {
            o.putNull("failOnReached");
        }
    }

    private static void counts(ObjectNode o, Map<Severity, Integer> counts) {
        for (Severity s : Severity.values()) {
            o.put(s.id(), counts.getOrDefault(s, 0));
        }
    }

    private void server(ObjectNode o, ServerAudit s, FleetResult fleet) {
        o.put("path", fleet.relative(s.path()));
        if (s instanceof ServerAudit.Audited a) {
            AuditResult r = a.result();
            o.put("status", "audited");
            o.put("bare", r.bare());
            source(o.putObject("sourceVersion"), r.source());
            ObjectNode c = o.putObject("counts");
            Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
            r.active().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
            counts(c, counts);
            o.put("suppressed", r.suppressed().size());
            ArrayNode findings = o.putArray("findings");
            for (Finding f : r.findings()) {
                finding(findings.addObject(), f, fleet);
            }
            ArrayNode outcomes = o.putArray("rules");
            for (RuleOutcome out : r.outcomes()) {
                outcome(outcomes.addObject(), out, locale);
            }
            ArrayNode readErrors = o.putArray("readErrors");
            for (InputException e : r.readErrors()) {
                ObjectNode n = readErrors.addObject();
                n.put("file", fleet.relative(e.path()));
                n.put("line", e.line());
                n.put("message", OutputTexts.bareMessage(e, locale));
            }
            ArrayNode notices = o.putArray("notices");
            for (Notice n : r.notices()) {
                ObjectNode x = notices.addObject();
                x.put("file", fleet.relative(n.location().file()));
                x.put("line", n.location().line());
                x.put("message", n.message().render(locale));
            }
            r.probe().ifPresent(p -> ProbeJson.observations(o.putObject("probe"), p));
        } else {
            o.put("status", "failed");
            ObjectNode e = o.putObject("error");
            if (s instanceof ServerAudit.Unreadable u) {
                e.put("kind", "input");
                e.put("file", fleet.relative(u.error().path()));
                e.put("line", u.error().line());
            } else {
                e.put("kind", "internal");
                e.put("file", fleet.relative(s.path()));
                e.put("line", 0);
            }
            e.put("message", OutputTexts.failureMessage(s, locale));
        }
    }

    private void source(ObjectNode o, SourceVersion v) {
        o.put("earliest", v.earliest().toString());
        o.put("latest", v.latest().toString());
        o.put("display", v.display());
        o.put("given", v.given());
        ArrayNode ev = o.putArray("evidence");
        for (Text t : v.evidence()) {
            ev.add(t.render(locale));
        }
    }

    private void finding(ObjectNode o, Finding f, FleetResult fleet) {
        RuleInfo r = f.rule();
        o.put("ruleId", r.id());
        o.put("severity", r.severity().id());
        o.put("category", r.category().id());
        o.put("title", r.title(locale));
        o.put("message", f.message(locale));
        Location l = f.location();
        ObjectNode loc = o.putObject("location");
        loc.put("file", fleet.relative(l.file()));
        loc.put("line", l.line());
        loc.put("column", l.column());
        loc.put("variable", l.variable());
        ArrayNode ev = o.putArray("evidence");
        f.evidence().forEach(ev::add);
        o.put("remediation", r.remediation(locale));
        ArrayNode lines = o.putArray("remediationLines");
        r.remediationLines().forEach(lines::add);
        suppression(o, f.suppression());
    }

    private void rule(ObjectNode o, RuleInfo r) {
        rule(o, r, locale);
    }

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
        counts(o, counts);
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
     * @param unused   where to write
     * @param waivers  waiver-file entries that matched nothing
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

    private static String skipReason(InputException.Reason r) {
        return switch (r) {
            case TOO_DEEP -> "tooDeep";
            case LINK_OUTSIDE -> "linkOutside";
            default -> "unreadable";
        };
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
