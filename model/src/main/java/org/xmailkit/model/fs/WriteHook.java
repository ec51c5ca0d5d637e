package org.xmailkit.model.fs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link SafeWriter} at each stage of a file write. Production code passes {@link #NONE}; tests inject
 * failures here (a full disk, a killed process) to prove that an interrupted write leaves every file wholly old or
 * wholly new, and that what was written is reported.
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
    WriteHook NONE = (stage, target) -> {};

    /**
     * @param stage  the stage reached
     * @param target the file being written, as the caller named it
     * @throws IOException to simulate a failed write
     */
    void at(Stage stage, Path target) throws IOException;
}
