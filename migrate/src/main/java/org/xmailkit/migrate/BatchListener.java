package org.xmailkit.migrate;

/** Hears about a batch's progress, on the thread that runs the batch. */
public interface BatchListener {

    /** Hears nothing. */
    BatchListener NONE = new BatchListener() {};

    /** @param total the number of servers */
    default void started(int total) {}

    /** @param outcome the next server finished, in job order */
    default void finished(ServerOutcome outcome) {}
}
