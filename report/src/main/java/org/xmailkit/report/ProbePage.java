package org.xmailkit.report;

import java.util.List;
import java.util.Objects;

/**
 * The model of {@code probe --format html}: one self-contained page with every host's observations and findings.
 *
 * @param hosts      the hosts, in the order given
 * @param counts     unsuppressed findings per severity over all hosts
 * @param suppressed how many findings a waiver suppresses
 * @param endpoints  how many endpoints were probed
 * @param open       how many of them answered
 */
public record ProbePage(List<Host> hosts, List<SeverityCount> counts, int suppressed, int endpoints, int open) {

    public ProbePage {
        hosts = List.copyOf(hosts);
        counts = List.copyOf(counts);
    }

    /**
     * One host.
     *
     * @param id         the section anchor
     * @param view       its observations
     * @param counts     its unsuppressed findings per severity
     * @param suppressed how many of its findings a waiver suppresses
     * @param groups     its findings by category and rule
     */
    public record Host(
            String id,
            ProbeView view,
            List<SeverityCount> counts,
            int suppressed,
            List<ServerReport.CategoryGroup> groups) {
        public Host {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(view, "view");
            counts = List.copyOf(counts);
            groups = List.copyOf(groups);
        }
    }
}
