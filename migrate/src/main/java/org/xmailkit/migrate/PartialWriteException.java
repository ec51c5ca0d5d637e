package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A server some of whose files were written (or restored) before another failed: says which are done, which are
 * not, why, and that running the same command again finishes the job (the journal knows where it stopped).
 */
public final class PartialWriteException extends WriteException {

    private static final long serialVersionUID = 1L;

    private final transient List<Path> done;

    /**
     * @param server   the server's directory
     * @param rollback whether files were being restored rather than written
     * @param done     the files written or restored
     * @param notDone  the names of those that were not
     * @param cause    why the next one failed
     */
    public PartialWriteException(
            Path server, boolean rollback, List<Path> done, List<String> notDone, IOException cause) {
        super(
                server,
                MigrateMessages.text(
                        rollback ? "rollback.partial" : "write.partial",
                        String.join(
                                ", ",
                                done.stream()
                                        .map(p -> String.valueOf(p.getFileName()))
                                        .toList()),
                        String.join(", ", notDone),
                        reason(cause)),
                cause);
        this.done = List.copyOf(done);
    }

    /** @return the files written or restored before the failure */
    public List<Path> done() {
        return done;
    }
}
