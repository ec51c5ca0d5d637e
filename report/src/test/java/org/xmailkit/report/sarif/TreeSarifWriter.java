package org.xmailkit.report.sarif;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.xmailkit.audit.FleetResult;
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
import org.xmailkit.report.JsonDocument;
import org.xmailkit.report.OutputTexts;

/**
 * The SARIF writer as it was before it streamed: it builds the whole document as a tree and writes it. Kept as the
 * reference the streaming writer is compared with, byte for byte ({@code StreamingSarifWriterTest}).
 */
final class TreeSarifWriter {

    /** The {@code uriBaseId} of every artifact location: the scan root. */
    static final String ROOT = SarifWriter.ROOT;
    /** The SARIF version written. */
    static final String VERSION = SarifWriter.VERSION;
    /** The schema URI written in {@code $schema}. */
    static final String SCHEMA = SarifWriter.SCHEMA;

    private final Locale locale;
    private final String toolVersion;

    /**
     * @param locale      the language of rule texts and messages
     * @param toolVersion xmailkit's version
     */
    TreeSarifWriter(Locale locale, String toolVersion) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    void write(FleetResult fleet, OutputStream out) throws IOException {
        JsonDocument.write(out, mapper -> tree(mapper, fleet));
    }

    /**
     * @param mapper a mapper
     * @param fleet  the result
     * @return the SARIF log
     */
    ObjectNode tree(ObjectMapper mapper, FleetResult fleet) {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "xmailkit");
        driver.put("version", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : fleet.rules()) {
            index.put(r.id(), index.size());
            rule(rules.addObject(), r);
        }
        run.putObject("originalUriBaseIds").putObject(ROOT).put("uri", directoryUri(fleet.scanRoot()));
        run.put("language", locale.getLanguage().equals("ja") ? "ja" : "en");

        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", !fleet.incomplete());
        ArrayNode execution = invocation.putArray("toolExecutionNotifications");
        ArrayNode configuration = invocation.putArray("toolConfigurationNotifications");
        for (InputException e : fleet.skipped()) {
            notification(execution.addObject(), "error", OutputTexts.bareMessage(e, locale), fleet, e.path(), 0);
        }
        for (ServerAudit s : fleet.servers()) {
            if (s.failed()) {
                Path file = s instanceof ServerAudit.Unreadable u ? u.error().path() : s.path();
                int line = s instanceof ServerAudit.Unreadable u ? u.error().line() : 0;
                notification(execution.addObject(), "error", OutputTexts.failureMessage(s, locale), fleet, file, line);
            } else {
                AuditResult r = ((ServerAudit.Audited) s).result();
                for (InputException e : r.readErrors()) {
                    notification(
                            execution.addObject(),
                            "error",
                            OutputTexts.bareMessage(e, locale),
                            fleet,
                            e.path(),
                            e.line());
                }
                for (Notice n : r.notices()) {
                    notification(
                            configuration.addObject(),
                            "warning",
                            n.message().render(locale),
                            fleet,
                            n.location().file(),
                            n.location().line());
                }
            }
        }
        for (Waivers.Waiver w : fleet.unusedWaivers()) {
            ObjectNode n = configuration.addObject();
            n.put("level", "note");
            n.putObject("message")
                    .put(
                            "text",
                            w.source() + ": " + OutputTexts.get(locale, "sarif.unusedWaiver", w.rule(), w.pathGlob()));
        }

        ArrayNode results = run.putArray("results");
        for (AuditResult r : fleet.audited()) {
            for (Finding f : r.findings()) {
                Integer i = index.get(f.rule().id());
                result(results.addObject(), f, i, fleet);
            }
        }
        ObjectNode props = run.putObject("properties");
        props.put("profile", fleet.options().profile().id());
        props.put("target", fleet.options().target().toString());
        return log;
    }

    private void rule(ObjectNode o, RuleInfo r) {
        rule(o, r, locale);
    }

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

    private void result(ObjectNode o, Finding f, Integer ruleIndex, FleetResult fleet) {
        o.put("ruleId", f.rule().id());
        if (ruleIndex != null) {
            o.put("ruleIndex", ruleIndex);
        }
        o.put("level", f.severity().sarifLevel());
        o.putObject("message").put("text", f.message(locale));
        Location l = f.location();
        ObjectNode loc = o.putArray("locations").addObject();
        physical(loc.putObject("physicalLocation"), fleet, l.file(), l.line(), l.column());
        if (!l.variable().isEmpty()) {
            ObjectNode logical = loc.putArray("logicalLocations").addObject();
            logical.put("name", l.variable());
            logical.put("kind", "variable");
        }
        o.putObject("partialFingerprints").put("xmailkitFinding/v1", fingerprint(f, fleet));
        suppression(o, f.suppression(), locale);
        if (!f.evidence().isEmpty()) {
            ArrayNode ev = o.putObject("properties").putArray("evidence");
            f.evidence().forEach(ev::add);
        }
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

    private static void notification(
            ObjectNode n, String level, String message, FleetResult fleet, Path file, int line) {
        n.put("level", level);
        n.putObject("message").put("text", message);
        physical(n.putArray("locations").addObject().putObject("physicalLocation"), fleet, file, line, 0);
    }

    private static void physical(ObjectNode p, FleetResult fleet, Path file, int line, int column) {
        artifact(p.putObject("artifactLocation"), file, fleet.scanRoot(), fleet.relative(file));
        if (line > 0) {
            ObjectNode region = p.putObject("region");
            region.put("startLine", line);
            if (column > 0) {
                region.put("startColumn", column);
            }
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
        Path abs = file.toAbsolutePath().normalize();
        Optional<String> remote = Origins.name(file);
        if (remote.isPresent()) {
            // A file of a remote server: its ctrl:// address, the path under it percent-encoded.
            int slash = remote.get().indexOf('/', CtrlUrl.PREFIX.length());
            a.put(
                    "uri",
                    slash < 0
                            ? remote.get()
                            : remote.get().substring(0, slash + 1)
                                    + encode(remote.get().substring(slash + 1)));
        } else if (abs.startsWith(root.toAbsolutePath().normalize())) {
            a.put("uri", encode(shown));
            a.put("uriBaseId", ROOT);
        } else {
            a.put("uri", abs.toUri().toString());
        }
        return a;
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

    private static String fingerprint(Finding f, FleetResult fleet) {
        String key = String.join(
                "\u0000",
                List.of(
                        f.rule().id(),
                        fleet.relative(f.location().file()),
                        f.location().variable(),
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
