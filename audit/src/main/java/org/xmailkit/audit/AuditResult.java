package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.probe.HostProbe;
import org.xmailkit.audit.startup.Startup;
import org.xmailkit.model.InputException;
import org.xmailkit.model.version.SourceVersion;

/**
 * The audit of one server.
 *
 * @param path       the MailRoot directory or bare server.tab audited
 * @param bare       whether only server.tab was given
 * @param source     the source version, with evidence
 * @param findings   the findings, in deterministic order (severity, file, line, rule)
 * @param outcomes   every rule's outcome, in rule order
 * @param readErrors MailRoot files that exist but could not be read
 * @param notices    what the user must know about the audit itself (inline waivers that cannot be honoured)
 * @param startup    XMail's command line the rules saw, when known
 * @param probe      what the running server showed on the wire, when it was probed ({@code audit --probe}); its
 *                   NET- findings are among {@code findings}
 */
public record AuditResult(
        Path path,
        boolean bare,
        SourceVersion source,
        List<Finding> findings,
        List<RuleOutcome> outcomes,
        List<InputException> readErrors,
        List<Notice> notices,
        Optional<Startup> startup,
        Optional<HostProbe> probe) {

    public AuditResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        readErrors = List.copyOf(readErrors);
        notices = List.copyOf(notices);
        Objects.requireNonNull(startup, "startup");
        Objects.requireNonNull(probe, "probe");
    }

    /**
     * A result without a known command line and without a probe.
     *
     * @param path       the MailRoot directory or bare server.tab audited
     * @param bare       whether only server.tab was given
     * @param source     the source version, with evidence
     * @param findings   the findings, in deterministic order
     * @param outcomes   every rule's outcome, in rule order
     * @param readErrors MailRoot files that exist but could not be read
     * @param notices    what the user must know about the audit itself
     */
    public AuditResult(
            Path path,
            boolean bare,
            SourceVersion source,
            List<Finding> findings,
            List<RuleOutcome> outcomes,
            List<InputException> readErrors,
            List<Notice> notices) {
        this(path, bare, source, findings, outcomes, readErrors, notices, Optional.empty(), Optional.empty());
    }

    /**
     * A result without notices.
     *
     * @param path       the MailRoot directory or bare server.tab audited
     * @param bare       whether only server.tab was given
     * @param source     the source version, with evidence
     * @param findings   the findings, in deterministic order
     * @param outcomes   every rule's outcome, in rule order
     * @param readErrors MailRoot files that exist but could not be read
     */
    public AuditResult(
            Path path,
            boolean bare,
            SourceVersion source,
            List<Finding> findings,
            List<RuleOutcome> outcomes,
            List<InputException> readErrors) {
        this(path, bare, source, findings, outcomes, readErrors, List.of());
    }

    /** @return the findings an active waiver suppresses */
    public List<Finding> suppressed() {
        return findings.stream().filter(Finding::suppressed).toList();
    }

    /** @return the findings no active waiver suppresses */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /**
     * @param threshold a severity
     * @return whether an unsuppressed finding is at or above it
     */
    public boolean failsAt(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
