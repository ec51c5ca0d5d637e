package org.xmailkit.migrate;

/** Hears about a batch's progress, from worker threads: implementations must be thread-safe. */
public interface BatchListener {

    /** Hears nothing. */
    BatchListener NONE = new BatchListener() {
    };

    /** @param total the number of servers */
    default void started(int total) {
    }

    /** @param outcome a server just finished (in any order) */
    default void finished(ServerOutcome outcome) {
    }
}
