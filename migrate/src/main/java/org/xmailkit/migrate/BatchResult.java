package org.xmailkit.migrate;

import java.util.List;

/**
 * A batch: one outcome per server, in the order the servers were given.
 *
 * @param outcomes the outcomes
 */
public record BatchResult(List<ServerOutcome> outcomes) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @param status a status
     * @return how many servers ended with it
     */
    public long count(ServerOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** @return how many servers finished a run that had been interrupted */
    public long resumed() {
        return outcomes.stream().filter(ServerOutcome::resumed).count();
    }

    /** @return whether any server failed */
    public boolean anyFailed() {
        return count(ServerOutcome.Status.FAILED) > 0;
    }
}
