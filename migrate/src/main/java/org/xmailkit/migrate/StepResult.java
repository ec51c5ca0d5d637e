package org.xmailkit.migrate;

import java.util.List;
import java.util.Objects;

/**
 * What one step did.
 *
 * @param files   the documents afterwards
 * @param changes the edits, in order (line numbers refer to the documents the step was given)
 * @param notes   what the administrator should know
 */
public record StepResult(ServerFiles files, List<Change> changes, List<Note> notes) {

    public StepResult {
        Objects.requireNonNull(files, "files");
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /**
     * @param files the documents
     * @return a result that changes and says nothing
     */
    public static StepResult unchanged(ServerFiles files) {
        return new StepResult(files, List.of(), List.of());
    }
}
