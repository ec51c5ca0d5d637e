package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link AtomicWriter} at each stage of a write. Production code passes {@link #NONE}; tests inject
 * failures here to prove that an interrupted write leaves every file wholly old or wholly new.
 */
@FunctionalInterface
public interface WriteHook {

    /** The stages of one file write. */
    enum Stage {
        /** The new content is in a synced temporary file next to the target; the target is untouched. */
        BEFORE_RENAME,
        /** The temporary file has replaced the target. */
        AFTER_RENAME
    }

    /** Does nothing. */
    WriteHook NONE = (stage, target) -> { };

    /**
     * @param stage  the stage reached
     * @param target the file being written
     * @throws IOException to simulate a failed write
     */
    void at(Stage stage, Path target) throws IOException;
}
