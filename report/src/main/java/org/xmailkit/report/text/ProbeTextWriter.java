package org.xmailkit.report.text;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.NetAudit;
import org.xmailkit.audit.NetFinding;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.ProbeReport;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.Waivers;
import org.xmailkit.audit.probe.EndpointProbe;
import org.xmailkit.model.Printable;
import org.xmailkit.model.TerminalStream;
import org.xmailkit.report.OutputTexts;
import org.xmailkit.report.ProbeViews;

/**
 * {@code xmailkit probe} for people: per host what each endpoint showed, then the NET- findings grouped by severity
 * and rule (each rule's fix once), waived ones after them, then a summary line. The quiet form is one line per
 * unsuppressed finding, {@code host:port: severity RULE: message}. Every value is printed through
 * {@link TerminalStream}, so nothing a server sent reaches the terminal unescaped; only the colours do.
 */
public final class ProbeTextWriter {

    private final Locale locale;
    private final Charset charset;
    private final Ansi ansi;
    private final boolean quiet;
    private final Optional<Severity> failOn;

    /**
     * @param locale  the language
     * @param charset the output encoding (the console's)
     * @param colour  whether to use ANSI colours
     * @param quiet   one line per unsuppressed finding and nothing else
     * @param failOn  the {@code --fail-on} threshold, if given
     */
    public ProbeTextWriter(Locale locale, Charset charset, boolean colour, boolean quiet, Optional<Severity> failOn) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.ansi = new Ansi(colour);
        this.quiet = quiet;
        this.failOn = Objects.requireNonNull(failOn, "failOn");
    }

    /**
     * @param report the probe
     * @param stream where to write; not closed
     */
    public void write(ProbeReport report, OutputStream stream) {
        TerminalStream out = new TerminalStream(stream, charset, false);
        if (quiet) {
            for (NetAudit h : report.hosts()) {
                for (NetFinding f : h.active()) {
                    out.println(f.endpoint().display() + ": " + f.severity().id() + " "
                            + f.rule().id() + ": " + Printable.showingTabs(f.message(locale)));
                }
            }
            out.flush();
            return;
        }
        boolean first = true;
        for (NetAudit h : report.hosts()) {
            if (!first) {
                out.println();
            }
            first = false;
            host(out, report, h);
        }
        out.println();
        for (Waivers.Waiver w : report.unusedWaivers()) {
            ansi.paintln(out, Ansi.DIM, t("text.unusedWaiver", w.source(), w.rule(), w.pathGlob()));
        }
        Map<Severity, Integer> c = report.activeCounts();
        List<EndpointProbe> all = report.hosts().stream()
                .flatMap(h -> h.probe().endpoints().stream())
                .toList();
        out.println(t(
                "text.probeSummary",
                report.hosts().size() - report.failed().size(),
                report.failed().size(),
                all.size(),
                all.stream().filter(EndpointProbe::open).count(),
                c.get(Severity.CRITICAL),
                c.get(Severity.HIGH),
                c.get(Severity.MEDIUM),
                c.get(Severity.LOW),
                c.get(Severity.INFO),
                report.suppressedCount()));
        failOn.ifPresent(level -> {
            if (report.failsAt(level)) {
                ansi.paintln(out, Ansi.of(Severity.HIGH), t("text.failOnReached", level.id()));
            } else {
                out.println(t("text.failOnClear", level.id()));
            }
        });
        if (report.hosts().stream().anyMatch(h -> !h.findings().isEmpty())) {
            ansi.paintln(out, Ansi.DIM, t("text.explainHint"));
        }
        out.flush();
    }

    private void host(TerminalStream out, ProbeReport report, NetAudit h) {
        ansi.paintln(out, Ansi.BOLD, "== " + h.probe().host() + " ==");
        ProbeText.observations(
                out,
                ansi,
                ProbeViews.of(h.probe(), h.mailRoot().map(report::relative).orElse(""), locale),
                locale,
                false);
        if (!h.probe().probed()) {
            return;
        }
        List<NetFinding> active = h.active();
        if (active.isEmpty() && h.suppressed().isEmpty()) {
            out.println();
            out.println(t("text.noFindings"));
        }
        for (Severity sev : Severity.values()) {
            List<NetFinding> group =
                    active.stream().filter(f -> f.severity() == sev).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.println();
            ansi.paintln(
                    out, Ansi.of(sev), AuditMessages.get(locale, "severity." + sev.id()) + " (" + group.size() + ")");
            for (List<NetFinding> byRule : byRule(group)) {
                RuleInfo rule = byRule.get(0).rule();
                out.print("  ");
                ansi.paint(out, Ansi.BOLD, rule.id());
                out.println("  " + rule.title(locale));
                for (NetFinding f : byRule) {
                    finding(out, report, f);
                }
                if (!rule.remediationLines().isEmpty()) {
                    out.println("    " + t("text.fix"));
                    rule.remediationLines().forEach(l -> out.println("      " + Printable.showingTabs(l)));
                }
            }
        }
        List<NetFinding> waived = h.suppressed();
        if (!waived.isEmpty()) {
            out.println();
            ansi.paintln(out, Ansi.DIM, t("text.waived", waived.size()));
            for (NetFinding f : waived) {
                Suppression x = f.suppression().orElseThrow();
                ansi.paintln(
                        out,
                        Ansi.DIM,
                        "  " + f.rule().id() + "  "
                                + AuditMessages.get(
                                        locale, "severity." + f.severity().id()) + "  "
                                + Printable.showingTabs(f.message(locale)));
                ansi.paintln(
                        out,
                        Ansi.DIM,
                        "    "
                                + t(
                                        "text.waivedBy",
                                        x.source(),
                                        x.expires().map(d -> t("text.until", d)).orElse(""),
                                        Printable.showingTabs(x.reason())));
            }
        }
        Map<String, List<String>> notApplicable = TextWriter.notApplicable(h.outcomes(), locale);
        if (!notApplicable.isEmpty()) {
            out.println();
            notApplicable.forEach((reason, ids) ->
                    ansi.paintln(out, Ansi.DIM, t("text.notApplicable", String.join(", ", ids), reason)));
        }
        if (!h.notices().isEmpty()) {
            out.println();
            out.println(t("text.notices"));
            for (Notice n : h.notices()) {
                out.println("  " + report.relative(n.location().file()) + ":"
                        + n.location().line() + ": " + n.message().render(locale));
            }
        }
    }

    private void finding(TerminalStream out, ProbeReport report, NetFinding f) {
        out.println("    " + Printable.showingTabs(f.message(locale)));
        f.cause()
                .ifPresent(c -> out.println(
                        "      " + t("text.cause", report.relative(c.file()) + (c.line() > 0 ? ":" + c.line() : ""))));
        for (String e : f.evidence()) {
            ansi.paintln(out, Ansi.DIM, "      | " + Printable.showingTabs(e));
        }
        f.suppression().filter(Suppression::expired).ifPresent(x -> {
            out.print("      ");
            ansi.paintln(
                    out,
                    Ansi.of(Severity.MEDIUM),
                    t(
                            "text.expired",
                            x.expires().map(Object::toString).orElse(""),
                            x.source(),
                            Printable.showingTabs(x.reason())));
        });
    }

    private static List<List<NetFinding>> byRule(List<NetFinding> group) {
        Map<String, List<NetFinding>> m = new LinkedHashMap<>();
        for (NetFinding f : group) {
            m.computeIfAbsent(f.rule().id(), k -> new ArrayList<>()).add(f);
        }
        return new ArrayList<>(new TreeMap<>(m).values());
    }

    private String t(String key, Object... args) {
        return OutputTexts.get(locale, key, args);
    }
}
