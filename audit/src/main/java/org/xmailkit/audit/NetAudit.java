package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.probe.HostProbe;

/**
 * The NET- rules over one host's probe.
 *
 * @param probe    what the host showed
 * @param mailRoot the MailRoot compared with it, if any
 * @param findings the findings, waivers applied, in deterministic order
 * @param outcomes every NET- rule's outcome, in rule order
 * @param notices  what the user must know about the waivers (inline waivers that cannot be honoured)
 */
public record NetAudit(
        HostProbe probe,
        Optional<Path> mailRoot,
        List<NetFinding> findings,
        List<RuleOutcome> outcomes,
        List<Notice> notices) {

    public NetAudit {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(mailRoot, "mailRoot");
        findings = List.copyOf(findings);
        outcomes = List.copyOf(outcomes);
        notices = List.copyOf(notices);
    }

    /** @return the findings no active waiver suppresses */
    public List<NetFinding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /** @return the findings an active waiver suppresses */
    public List<NetFinding> suppressed() {
        return findings.stream().filter(NetFinding::suppressed).toList();
    }

    /**
     * @param threshold a severity
     * @return whether an unsuppressed finding is at or above it
     */
    public boolean failsAt(Severity threshold) {
        return active().stream().anyMatch(f -> f.severity().atLeast(threshold));
    }
}
