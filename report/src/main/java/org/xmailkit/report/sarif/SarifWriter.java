package org.xmailkit.report.sarif;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.Waivers;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Reference;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.report.AuditWriter;
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.OutputTexts;

/**
 * The audit as SARIF 2.1.0: one run whose driver lists the rules (help text, {@code security-severity}, tags) and
 * whose results carry the rule, level, message and the file and line relative to the scan root
 * ({@code uriBaseId} {@value #ROOT}). Waived findings are results with a suppression (kind {@code inSource} for
 * inline comments, {@code external} for the waiver file) and its justification; an expired waiver is a
 * {@code rejected} suppression, so the result counts again. Failed servers are tool execution notifications.
 */
public final class SarifWriter implements AuditWriter {

    /** The {@code uriBaseId} of every artifact location: the scan root. */
    public static final String ROOT = "SCANROOT";
    /** The SARIF version written. */
    public static final String VERSION = "2.1.0";
    /** The schema URI written in {@code $schema}. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    // The names of the fields written for every result, their quoted bytes made once.
    private static final SerializedString RULE_ID = new SerializedString("ruleId");
    private static final SerializedString RULE_INDEX = new SerializedString("ruleIndex");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString TEXT = new SerializedString("text");
    private static final SerializedString LOCATIONS = new SerializedString("locations");
    private static final SerializedString PHYSICAL_LOCATION = new SerializedString("physicalLocation");
    private static final SerializedString ARTIFACT_LOCATION = new SerializedString("artifactLocation");
    private static final SerializedString URI = new SerializedString("uri");
    private static final SerializedString URI_BASE_ID = new SerializedString("uriBaseId");
    private static final SerializedString REGION = new SerializedString("region");
    private static final SerializedString START_LINE = new SerializedString("startLine");
    private static final SerializedString START_COLUMN = new SerializedString("startColumn");
    private static final SerializedString PARTIAL_FINGERPRINTS = new SerializedString("partialFingerprints");
    private static final SerializedString FINGERPRINT = new SerializedString("xmailkitFinding/v1");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    private static final SerializedString EVIDENCE = new SerializedString("evidence");

    private final Locale locale;
    private final String toolVersion;

    /**
     * @param locale      the language of rule texts and messages
     * @param toolVersion xmailkit's version
     */
    public SarifWriter(Locale locale, String toolVersion) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    @Override
    public Document start(FleetScope scope, OutputStream out) throws IOException {
        return new Document(scope, out);
    }

    /**
     * @param scope what the audit is about
     * @return a log whose servers are written one at a time and which is written out at the end
     *         ({@link Document#writeTo})
     * @throws IOException when the spools cannot be written
     */
    public Document document(FleetScope scope) throws IOException {
        return new Document(scope, null);
    }

    /**
     * The SARIF log of one audit: each server's notifications and results are written as the server is handed over,
     * into spools, then the whole log at the end, the spools copied where they belong.
     */
    public final class Document implements Session {
        private final FleetScope scope;
        private final OutputStream out;
        private final Path root;
        private final Map<String, Integer> index = new HashMap<>();
        private final MessageDigest sha256;
        /** Notifications sit inside the log, its run and the run's invocation; results inside the log and its run. */
        private final JsonDocument.Elements execution = new JsonDocument.Elements(3);

        private final JsonDocument.Elements configuration = new JsonDocument.Elements(3);
        private final JsonDocument.Elements results = new JsonDocument.Elements(2);

        private Document(FleetScope scope, OutputStream out) throws IOException {
            this.scope = Objects.requireNonNull(scope, "scope");
            this.out = out;
            this.root = scope.scanRoot().toAbsolutePath().normalize();
            for (RuleInfo r : scope.rules()) {
                index.put(r.id(), index.size());
            }
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
            for (InputException e : scope.skipped()) {
                notification(execution, "error", OutputTexts.bareMessage(e, locale), e.path(), 0);
            }
        }

        @Override
        public void server(ServerAudit s, Object prepared) throws IOException {
            if (s.failed()) {
                Path file = s instanceof ServerAudit.Unreadable u ? u.error().path() : s.path();
                int line = s instanceof ServerAudit.Unreadable u ? u.error().line() : 0;
                notification(execution, "error", OutputTexts.failureMessage(s, locale), file, line);
                return;
            }
            AuditResult r = ((ServerAudit.Audited) s).result();
            for (InputException e : r.readErrors()) {
                notification(execution, "error", OutputTexts.bareMessage(e, locale), e.path(), e.line());
            }
            for (Notice n : r.notices()) {
                notification(
                        configuration,
                        "warning",
                        n.message().render(locale),
                        n.location().file(),
                        n.location().line());
            }
            for (Finding f : r.findings()) {
                try (JsonGenerator g = results.next()) {
                    result(g, f);
                }
            }
        }

        @Override
        public void finish(FleetSummary summary) throws IOException {
            writeTo(summary, out);
        }

        /**
         * Writes the whole log, with every server given so far.
         *
         * @param summary the fleet's counts
         * @param to      where to write; flushed, not closed
         * @throws IOException when writing fails
         */
        public void writeTo(FleetSummary summary, OutputStream to) throws IOException {
            for (Waivers.Waiver w : summary.unusedWaivers()) {
                try (JsonGenerator g = configuration.next()) {
                    g.writeStartObject();
                    g.writeStringField("level", "note");
                    g.writeObjectFieldStart("message");
                    g.writeStringField(
                            "text",
                            w.source() + ": " + OutputTexts.get(locale, "sarif.unusedWaiver", w.rule(), w.pathGlob()));
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            try (JsonGenerator g = JsonDocument.generator(to, 0)) {
                g.writeStartObject();
                g.writeStringField("$schema", SCHEMA);
                g.writeStringField("version", VERSION);
                g.writeArrayFieldStart("runs");
                g.writeStartObject();
                g.writeObjectFieldStart("tool");
                g.writeObjectFieldStart("driver");
                g.writeStringField("name", "xmailkit");
                g.writeStringField("version", toolVersion);
                g.writeArrayFieldStart("rules");
                for (RuleInfo r : scope.rules()) {
                    rule(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart(ROOT);
                g.writeStringField("uri", directoryUri(scope.scanRoot()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeStringField("language", locale.getLanguage().equals("ja") ? "ja" : "en");
                g.writeArrayFieldStart("invocations");
                g.writeStartObject();
                g.writeBooleanField("executionSuccessful", !summary.incomplete());
                g.writeFieldName("toolExecutionNotifications");
                JsonDocument.array(g, to, execution);
                g.writeFieldName("toolConfigurationNotifications");
                JsonDocument.array(g, to, configuration);
                g.writeEndObject();
                g.writeEndArray();
                g.writeFieldName("results");
                JsonDocument.array(g, to, results);
                g.writeObjectFieldStart("properties");
                g.writeStringField("profile", scope.options().profile().id());
                g.writeStringField("target", scope.options().target().toString());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            to.write('\n');
            to.flush();
        }

        @Override
        public void close() throws IOException {
            try {
                execution.close();
                configuration.close();
            } finally {
                results.close();
            }
        }

        private void result(JsonGenerator g, Finding f) throws IOException {
            g.writeStartObject();
            JsonDocument.field(g, RULE_ID, f.rule().id());
            Integer ruleIndex = index.get(f.rule().id());
            if (ruleIndex != null) {
                g.writeFieldName(RULE_INDEX);
                g.writeNumber(ruleIndex);
            }
            JsonDocument.field(g, LEVEL, f.severity().sarifLevel());
            g.writeFieldName(MESSAGE);
            g.writeStartObject();
            JsonDocument.field(g, TEXT, f.message(locale));
            g.writeEndObject();
            Location l = f.location();
            String shown = scope.relative(l.file());
            g.writeFieldName(LOCATIONS);
            g.writeStartArray();
            g.writeStartObject();
            g.writeFieldName(PHYSICAL_LOCATION);
            physical(g, l.file(), shown, l.line(), l.column());
            if (!l.variable().isEmpty()) {
                g.writeArrayFieldStart("logicalLocations");
                g.writeStartObject();
                g.writeStringField("name", l.variable());
                g.writeStringField("kind", "variable");
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeFieldName(PARTIAL_FINGERPRINTS);
            g.writeStartObject();
            JsonDocument.field(g, FINGERPRINT, fingerprint(f, shown));
            g.writeEndObject();
            if (f.suppression().isPresent()) {
                Suppression s = f.suppression().get();
                g.writeArrayFieldStart("suppressions");
                g.writeStartObject();
                g.writeStringField("kind", s.kind() == Suppression.Kind.INLINE ? "inSource" : "external");
                g.writeStringField("status", s.expired() ? "rejected" : "accepted");
                g.writeStringField(
                        "justification",
                        s.expired()
                                ? OutputTexts.get(
                                        locale,
                                        "sarif.expired",
                                        s.expires().map(Object::toString).orElse(""),
                                        s.reason())
                                : s.reason());
                g.writeObjectFieldStart("properties");
                g.writeStringField("source", s.source());
                g.writeStringField("expires", s.expires().map(Object::toString).orElse(null));
                g.writeBooleanField("expired", s.expired());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
            }
            if (!f.evidence().isEmpty()) {
                g.writeFieldName(PROPERTIES);
                g.writeStartObject();
                g.writeFieldName(EVIDENCE);
                g.writeStartArray();
                for (String e : f.evidence()) {
                    g.writeString(e);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        private void notification(JsonDocument.Elements into, String level, String message, Path file, int line)
                throws IOException {
            try (JsonGenerator g = into.next()) {
                g.writeStartObject();
                g.writeStringField("level", level);
                g.writeObjectFieldStart("message");
                g.writeStringField("text", message);
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeFieldName("physicalLocation");
                physical(g, file, scope.relative(file), line, 0);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        /** @param shown the file's path as the outputs show it ({@link FleetScope#relative}) */
        private void physical(JsonGenerator g, Path file, String shown, int line, int column) throws IOException {
            g.writeStartObject();
            g.writeFieldName(ARTIFACT_LOCATION);
            g.writeStartObject();
            String[] at = uri(file, root, shown);
            JsonDocument.field(g, URI, at[0]);
            if (at[1] != null) {
                JsonDocument.field(g, URI_BASE_ID, at[1]);
            }
            g.writeEndObject();
            if (line > 0) {
                g.writeFieldName(REGION);
                g.writeStartObject();
                g.writeFieldName(START_LINE);
                g.writeNumber(line);
                if (column > 0) {
                    g.writeFieldName(START_COLUMN);
                    g.writeNumber(column);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        /** @param shown the finding's file as the outputs show it */
        private String fingerprint(Finding f, String shown) {
            String key = String.join(
                    "\u0000",
                    List.of(
                            f.rule().id(),
                            shown,
                            f.location().variable(),
                            f.message().key(),
                            String.join("\u0001", f.message().strings())));
            // The first 16 bytes of the hash: 32 hex digits.
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
        }
    }

    /** A rule's descriptor: few per document, so the same tree the probe's writer builds, in this layout. */
    private void rule(JsonGenerator g, RuleInfo r) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        rule(o, r, locale);
        g.writeTree(o);
    }

    // Parts as trees: the probe's SARIF (ProbeSarifWriter) builds its log whole; rule descriptors serve both.

    /**
     * @param o      where to write a reportingDescriptor
     * @param r      a rule
     * @param locale the language of its texts
     */
    static void rule(ObjectNode o, RuleInfo r, Locale locale) {
        o.put("id", r.id());
        o.putObject("shortDescription").put("text", r.title(locale));
        o.putObject("fullDescription").put("text", r.summary(locale));
        StringBuilder text = new StringBuilder();
        StringBuilder md = new StringBuilder();
        text.append(r.summary(locale))
                .append("\n\n")
                .append(OutputTexts.get(locale, "sarif.help.why"))
                .append(": ")
                .append(r.why(locale))
                .append("\n\n")
                .append(OutputTexts.get(locale, "sarif.help.fix"))
                .append(": ")
                .append(r.remediation(locale));
        md.append(r.summary(locale))
                .append("\n\n**")
                .append(OutputTexts.get(locale, "sarif.help.why"))
                .append("**\n\n")
                .append(r.why(locale))
                .append("\n\n**")
                .append(OutputTexts.get(locale, "sarif.help.fix"))
                .append("**\n\n")
                .append(r.remediation(locale))
                .append('\n');
        if (!r.remediationLines().isEmpty()) {
            md.append("\n```\n");
            for (String line : r.remediationLines()) {
                text.append('\n').append(line);
                md.append(line).append('\n');
            }
            md.append("```\n");
        }
        if (!r.references().isEmpty()) {
            text.append("\n\n")
                    .append(OutputTexts.get(locale, "sarif.help.references"))
                    .append(':');
            md.append("\n**")
                    .append(OutputTexts.get(locale, "sarif.help.references"))
                    .append("**\n\n");
            for (Reference ref : r.references()) {
                text.append("\n- ").append(ref.display()).append(ref.url().isEmpty() ? "" : " " + ref.url());
                md.append("- ")
                        .append(ref.url().isEmpty() ? ref.display() : "[" + ref.display() + "](" + ref.url() + ")")
                        .append('\n');
            }
        }
        ObjectNode help = o.putObject("help");
        help.put("text", text.toString());
        help.put("markdown", md.toString());
        r.references().stream()
                .map(Reference::url)
                .filter(u -> !u.isEmpty())
                .findFirst()
                .ifPresent(u -> o.put("helpUri", u));
        o.putObject("defaultConfiguration").put("level", r.severity().sarifLevel());
        ObjectNode props = o.putObject("properties");
        props.put(
                "security-severity",
                String.format(Locale.ROOT, "%.1f", r.severity().securitySeverity()));
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add(r.category().id());
        tags.add("xmail");
        props.put("severity", r.severity().id());
        props.put("fix", r.fix().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Writes a result's suppressions (SARIF's array of them): accepted for an active waiver, rejected (the result
     * counts again) for an expired one.
     *
     * @param o           the result
     * @param suppression the waiver, if any
     * @param locale      the language of the justification
     */
    static void suppression(ObjectNode o, Optional<Suppression> suppression, Locale locale) {
        if (suppression.isPresent()) {
            Suppression s = suppression.get();
            ObjectNode n = o.putArray("suppressions").addObject();
            n.put("kind", s.kind() == Suppression.Kind.INLINE ? "inSource" : "external");
            n.put("status", s.expired() ? "rejected" : "accepted");
            n.put(
                    "justification",
                    s.expired()
                            ? OutputTexts.get(
                                    locale,
                                    "sarif.expired",
                                    s.expires().map(Object::toString).orElse(""),
                                    s.reason())
                            : s.reason());
            ObjectNode props = n.putObject("properties");
            props.put("source", s.source());
            props.put("expires", s.expires().map(Object::toString).orElse(null));
            props.put("expired", s.expired());
        }
    }

    /**
     * @param a     the artifactLocation object to fill
     * @param file  a file
     * @param root  the directory relative paths start from
     * @param shown the path relative to it, as the outputs show it
     * @return an artifactLocation: a remote server's file by its ctrl:// address, else relative to {@value #ROOT}
     *         inside the root, else an absolute file URI
     */
    static ObjectNode artifact(ObjectNode a, Path file, Path root, String shown) {
        String[] at = uri(file, root.toAbsolutePath().normalize(), shown);
        a.put("uri", at[0]);
        if (at[1] != null) {
            a.put("uriBaseId", at[1]);
        }
        return a;
    }

    /**
     * @param file  a file
     * @param root  the directory relative paths start from, absolute and normalized
     * @param shown the path relative to it, as the outputs show it
     * @return the file's {@code uri} and {@code uriBaseId} (null for none), as {@link #artifact} describes them
     */
    private static String[] uri(Path file, Path root, String shown) {
        Optional<String> remote = Origins.name(file);
        if (remote.isPresent()) {
            // A file of a remote server: its ctrl:// address, the path under it percent-encoded.
            int slash = remote.get().indexOf('/', CtrlUrl.PREFIX.length());
            return new String[] {
                slash < 0
                        ? remote.get()
                        : remote.get().substring(0, slash + 1)
                                + encode(remote.get().substring(slash + 1)),
                null
            };
        }
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(root)) {
            return new String[] {encode(shown), ROOT};
        }
        return new String[] {abs.toUri().toString(), null};
    }

    /** Percent-encodes each segment of a relative path, so that spaces and Japanese names give valid URIs. */
    static String encode(String relative) {
        StringBuilder b = new StringBuilder();
        for (byte x : relative.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    static String directoryUri(Path dir) {
        String u = dir.toAbsolutePath().normalize().toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }
}
