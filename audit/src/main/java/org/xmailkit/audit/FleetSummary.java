package org.xmailkit.audit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the outputs need of a fleet's audit besides each server's own part: counts, whether the audit is complete, the
 * waivers no finding used. It is built from the servers one at a time ({@link Builder}), so the outputs of a fleet are
 * written while its servers are audited and no server is held longer than it takes to write it.
 *
 * @param servers        servers audited or failed
 * @param audited        servers audited
 * @param unreadable     servers that could not be read ({@link ServerAudit.Unreadable})
 * @param crashed        servers on which a rule failed ({@link ServerAudit.Crashed})
 * @param withReadErrors audited servers with a file that could not be read
 * @param skipped        whether the search for servers skipped something
 * @param active         unsuppressed findings per severity, every severity present
 * @param suppressed     findings an active waiver suppresses
 * @param findings       all findings, suppressed or not
 * @param unusedWaivers  waiver-file entries that matched no finding on any server
 */
public record FleetSummary(
        int servers,
        int audited,
        int unreadable,
        int crashed,
        int withReadErrors,
        boolean skipped,
        Map<Severity, Integer> active,
        int suppressed,
        int findings,
        List<Waivers.Waiver> unusedWaivers) {

    public FleetSummary {
        active = Collections.unmodifiableMap(new EnumMap<>(active));
        unusedWaivers = List.copyOf(unusedWaivers);
    }

    /** @return the servers that could not be audited */
    public int failed() {
        return unreadable + crashed;
    }

    /**
     * @return whether some server failed, some file of an audited server could not be read, or the search for
     *         servers skipped something
     */
    public boolean incomplete() {
        return failed() > 0 || skipped || withReadErrors > 0;
    }

    /**
     * @param threshold a severity
     * @return whether some server has an unsuppressed finding at or above it
     */
    public boolean failsAt(Severity threshold) {
        return active.entrySet().stream().anyMatch(e -> e.getKey().atLeast(threshold) && e.getValue() > 0);
    }

    /** Counts the servers of a fleet as they are handed over, in any order, from one thread. */
    public static final class Builder {
        private final Waivers waivers;
        private final boolean skipped;
        private final Map<Severity, Integer> active = new EnumMap<>(Severity.class);
        private final Set<String> used = new HashSet<>();
        private int servers;
        private int audited;
        private int unreadable;
        private int crashed;
        private int withReadErrors;
        private int suppressed;
        private int findings;

        /**
         * @param waivers the waiver file's entries
         * @param skipped whether the search for servers skipped something
         */
        public Builder(Waivers waivers, boolean skipped) {
            this.waivers = Objects.requireNonNull(waivers, "waivers");
            this.skipped = skipped;
            for (Severity s : Severity.values()) {
                active.put(s, 0);
            }
        }

        /**
         * @param s a server's audit
         * @return this builder
         */
        public Builder add(ServerAudit s) {
            servers++;
            if (s instanceof ServerAudit.Unreadable) {
                unreadable++;
            } else if (s instanceof ServerAudit.Crashed) {
                crashed++;
            } else {
                AuditResult r = ((ServerAudit.Audited) s).result();
                audited++;
                if (!r.readErrors().isEmpty()) {
                    withReadErrors++;
                }
                for (Finding f : r.findings()) {
                    findings++;
                    if (f.suppressed()) {
                        suppressed++;
                    } else {
                        active.merge(f.severity(), 1, Integer::sum);
                    }
                    f.suppression()
                            .filter(x -> x.kind() == Suppression.Kind.WAIVER_FILE)
                            .ifPresent(x -> used.add(x.source()));
                }
            }
            return this;
        }

        /** @return the summary of the servers added so far */
        public FleetSummary build() {
            return new FleetSummary(
                    servers,
                    audited,
                    unreadable,
                    crashed,
                    withReadErrors,
                    skipped,
                    active,
                    suppressed,
                    findings,
                    waivers.entries().stream()
                            .filter(w -> !used.contains(w.source()))
                            .toList());
        }
    }
}
