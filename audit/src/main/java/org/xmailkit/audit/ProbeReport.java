package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xmailkit.audit.probe.ProbeOptions;

/**
 * The result of {@code xmailkit probe}: every host's observations and NET- findings.
 *
 * @param scanRoot      the directory MailRoot paths are shown relative to
 * @param rules         the NET- rules that were run, in catalogue order
 * @param options       the audit options used (waivers, clock, thresholds, profile)
 * @param probe         how the hosts were probed
 * @param hosts         one entry per host, in the order given
 * @param unusedWaivers waiver-file entries that matched no finding on any host
 */
public record ProbeReport(
        Path scanRoot,
        List<RuleInfo> rules,
        AuditOptions options,
        ProbeOptions probe,
        List<NetAudit> hosts,
        List<Waivers.Waiver> unusedWaivers) {

    public ProbeReport {
        Objects.requireNonNull(scanRoot, "scanRoot");
        rules = List.copyOf(rules);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(probe, "probe");
        hosts = List.copyOf(hosts);
        unusedWaivers = List.copyOf(unusedWaivers);
    }

    /** @return the hosts that could not be probed at all (an unknown name) */
    public List<NetAudit> failed() {
        return hosts.stream().filter(h -> !h.probe().probed()).toList();
    }

    /**
     * @param threshold a severity
     * @return whether some host has an unsuppressed finding at or above it
     */
    public boolean failsAt(Severity threshold) {
        return hosts.stream().anyMatch(h -> h.failsAt(threshold));
    }

    /** @return the number of unsuppressed findings per severity, every severity present */
    public Map<Severity, Integer> activeCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        hosts.forEach(h -> h.active().forEach(f -> counts.merge(f.severity(), 1, Integer::sum)));
        return counts;
    }

    /** @return the number of findings an active waiver suppresses */
    public int suppressedCount() {
        return hosts.stream().mapToInt(h -> h.suppressed().size()).sum();
    }

    /**
     * @param path a path
     * @return it relative to the scan root with {@code /} separators, or absolute if it lies outside
     */
    public String relative(Path path) {
        return FleetResult.relative(scanRoot, path);
    }
}
