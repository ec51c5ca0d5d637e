package org.xmailkit.report.text;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.audit.AuditResult;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.Notice;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.RuleOutcome;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.audit.Severity;
import org.xmailkit.audit.Suppression;
import org.xmailkit.audit.Waivers;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Printable;
import org.xmailkit.model.TerminalStream;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.report.AuditWriter;
import org.xmailkit.report.OutputTexts;
import org.xmailkit.report.ProbeViews;

/**
 * The audit for people: per server, findings grouped by severity (most serious first) and, within a severity, by
 * rule, each rule's fix once; waived findings after them with their justification; then a summary line. TAB
 * characters are shown as {@code <TAB>} because the difference between a TAB and spaces is what XMail cares about.
 * Colour (ANSI) only when asked, i.e. on a terminal. The quiet form is one line per unsuppressed finding,
 * {@code path:line: severity RULE: message}, and nothing else. Every path and value is printed through
 * {@link TerminalStream}, so no control character from a MailRoot reaches the terminal; only the colours are not.
 */
public final class TextWriter implements AuditWriter {

    private static final String DIM = Ansi.DIM;
    private static final String BOLD = Ansi.BOLD;
    /** Bytes of output collected before they are written (a server's text is flushed when it is complete). */
    private static final int BUFFER = 1 << 16;

    private final Locale locale;
    private final Charset charset;
    private final boolean quiet;
    private final Optional<Severity> failOn;
    private final Ansi ansi;

    /**
     * @param locale  the language
     * @param charset the output encoding (the console's)
     * @param colour  whether to use ANSI colours
     * @param quiet   one line per unsuppressed finding and nothing else
     * @param failOn  the {@code --fail-on} threshold, if given (the summary says whether it is reached)
     */
    public TextWriter(Locale locale, Charset charset, boolean colour, boolean quiet, Optional<Severity> failOn) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.quiet = quiet;
        this.failOn = Objects.requireNonNull(failOn, "failOn");
        this.ansi = new Ansi(colour);
    }

    @Override
    public Session start(FleetScope scope, OutputStream stream) {
        // Buffered here and flushed once per server: a print straight to System.out is a write call of its own.
        TerminalStream out = new TerminalStream(new BufferedOutputStream(stream, BUFFER), charset, false);
        return new Session() {
            private boolean first = true;

            @Override
            public void server(ServerAudit s, Object prepared) {
                if (quiet) {
                    if (s instanceof ServerAudit.Audited a) {
                        for (Finding f : a.result().findings()) {
                            if (!f.suppressed()) {
                                out.print(where(scope, f));
                                out.print(": " + f.severity().id() + " "
                                        + f.rule().id() + ": ");
                                out.printShowingTabs(f.message(locale));
                                out.println();
                            }
                        }
                    }
                    out.flush();
                    return;
                }
                if (!first) {
                    out.println();
                }
                first = false;
                TextWriter.this.server(out, scope, s);
                out.flush();
            }

            @Override
            public void finish(FleetSummary fleet) {
                if (!quiet) {
                    summary(out, scope, fleet);
                }
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    private void summary(TerminalStream out, FleetScope scope, FleetSummary fleet) {
        out.println();
        if (!scope.skipped().isEmpty()) {
            paintln(
                    out,
                    colour(Severity.CRITICAL),
                    t("text.skipped", scope.skipped().size()));
            for (InputException e : scope.skipped()) {
                out.println("  " + OutputTexts.oneLine(scope, e, locale));
            }
            out.println();
        }
        for (Waivers.Waiver w : fleet.unusedWaivers()) {
            paintln(out, DIM, t("text.unusedWaiver", w.source(), w.rule(), w.pathGlob()));
        }
        Map<Severity, Integer> c = fleet.active();
        out.println(t(
                "text.summary",
                fleet.audited(),
                fleet.failed(),
                c.get(Severity.CRITICAL),
                c.get(Severity.HIGH),
                c.get(Severity.MEDIUM),
                c.get(Severity.LOW),
                c.get(Severity.INFO),
                fleet.suppressed()));
        failOn.ifPresent(level -> {
            if (fleet.failsAt(level)) {
                paintln(out, colour(Severity.HIGH), t("text.failOnReached", level.id()));
            } else {
                out.println(t("text.failOnClear", level.id()));
            }
        });
        if (fleet.findings() > 0) {
            paintln(out, DIM, t("text.explainHint"));
        }
    }

    private void server(TerminalStream out, FleetScope fleet, ServerAudit s) {
        paintln(out, BOLD, "== " + fleet.relative(s.path()) + " ==");
        if (s.failed()) {
            paintln(out, colour(Severity.CRITICAL), t("text.failed", OutputTexts.failure(fleet, s, locale)));
            return;
        }
        AuditResult r = ((ServerAudit.Audited) s).result();
        SourceVersion v = r.source();
        out.println(t(
                v.given() ? "text.versionGiven" : "text.version",
                v.display(),
                fleet.options().target(),
                fleet.options().profile().id()));
        r.startup().ifPresent(x -> out.println(t("text.startup", x.describe(locale, fleet::relative))));
        for (InputException e : r.readErrors()) {
            paintln(out, colour(Severity.CRITICAL), t("text.readError", OutputTexts.oneLine(fleet, e, locale)));
        }
        r.probe().ifPresent(p -> {
            out.println();
            ProbeText.observations(out, ansi, ProbeViews.of(p, "", locale), locale, true);
        });
        List<Finding> active = r.active();
        if (active.isEmpty() && r.suppressed().isEmpty()) {
            out.println(t("text.noFindings"));
        }
        bySeverityAndRule(active).forEach((sev, byRule) -> {
            int count = 0;
            for (List<Finding> group : byRule.values()) {
                count += group.size();
            }
            out.println();
            paintln(out, colour(sev), AuditMessages.get(locale, "severity." + sev.id()) + " (" + count + ")");
            for (List<Finding> group : byRule.values()) {
                RuleInfo rule = group.get(0).rule();
                out.print("  ");
                paint(out, BOLD, rule.id());
                out.print("  ");
                out.println(rule.title(locale));
                for (Finding f : group) {
                    finding(out, fleet, f);
                }
                if (!rule.remediationLines().isEmpty()) {
                    out.println("    " + t("text.fix"));
                    for (String l : rule.remediationLines()) {
                        out.print("      ");
                        out.printShowingTabs(l);
                        out.println();
                    }
                }
            }
        });
        List<Finding> waived = r.suppressed();
        if (!waived.isEmpty()) {
            out.println();
            paintln(out, DIM, t("text.waived", waived.size()));
            for (Finding f : waived) {
                Suppression x = f.suppression().orElseThrow();
                paintln(
                        out,
                        DIM,
                        "  " + f.rule().id() + "  "
                                + AuditMessages.get(
                                        locale, "severity." + f.severity().id()) + "  " + where(fleet, f) + ": "
                                + Printable.showingTabs(f.message(locale)));
                paintln(
                        out,
                        DIM,
                        "    "
                                + t(
                                        "text.waivedBy",
                                        x.source(),
                                        x.expires().map(d -> t("text.until", d)).orElse(""),
                                        Printable.showingTabs(x.reason())));
            }
        }
        Map<String, List<String>> notApplicable = notApplicable(r.outcomes(), locale);
        if (!notApplicable.isEmpty()) {
            out.println();
            notApplicable.forEach(
                    (reason, ids) -> paintln(out, DIM, t("text.notApplicable", String.join(", ", ids), reason)));
        }
        if (!r.notices().isEmpty()) {
            out.println();
            out.println(t("text.notices"));
            for (Notice n : r.notices()) {
                out.println("  " + fleet.relative(n.location().file()) + ":"
                        + n.location().line() + ": " + n.message().render(locale));
            }
        }
    }

    private void finding(TerminalStream out, FleetScope fleet, Finding f) {
        out.print("    ");
        out.print(where(fleet, f));
        out.print(": ");
        out.printShowingTabs(f.message(locale));
        out.println();
        for (String e : f.evidence()) {
            ansi.paintlnShowingTabs(out, DIM, "      | ", e);
        }
        f.suppression().filter(Suppression::expired).ifPresent(x -> {
            out.print("      ");
            paintln(
                    out,
                    colour(Severity.MEDIUM),
                    t(
                            "text.expired",
                            x.expires().map(Object::toString).orElse(""),
                            x.source(),
                            Printable.showingTabs(x.reason())));
        });
    }

    /** @return the findings by severity (most serious first), then by rule id, each rule's in their order */
    private static Map<Severity, Map<String, List<Finding>>> bySeverityAndRule(List<Finding> findings) {
        Map<Severity, Map<String, List<Finding>>> m = new EnumMap<>(Severity.class);
        for (Finding f : findings) {
            m.computeIfAbsent(f.severity(), k -> new TreeMap<>())
                    .computeIfAbsent(f.rule().id(), k -> new ArrayList<>())
                    .add(f);
        }
        return m;
    }

    private static String where(FleetScope fleet, Finding f) {
        String file = fleet.relative(f.location().file());
        return f.location().line() > 0 ? file + ":" + f.location().line() : file;
    }

    private String colour(Severity s) {
        return Ansi.of(s);
    }

    private void paint(TerminalStream out, String code, String text) {
        ansi.paint(out, code, text);
    }

    private void paintln(TerminalStream out, String code, String text) {
        ansi.paintln(out, code, text);
    }

    private String t(String key, Object... args) {
        return OutputTexts.get(locale, key, args);
    }

    /**
     * @param outcomes the rules' outcomes
     * @param locale   the language of the reasons
     * @return the ids of the rules that did not apply, by the reason each gives, reasons in order
     */
    static Map<String, List<String>> notApplicable(List<RuleOutcome> outcomes, Locale locale) {
        Map<String, List<String>> byReason = new TreeMap<>();
        for (RuleOutcome o : outcomes) {
            if (o.status() == RuleOutcome.Status.NOT_APPLICABLE) {
                byReason.computeIfAbsent(o.reason().map(x -> x.render(locale)).orElse(""), k -> new ArrayList<>())
                        .add(o.rule().id());
            }
        }
        return byReason;
    }
}
