package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.xmailkit.model.fs.WriteRefusedException;

/**
 * The server a local copy of a MailRoot was read from (a {@code ctrl://} server). An in-place write or a rollback of
 * such a copy changes the server: {@link InPlaceWriter} keeps the backups and the journal on this machine, as for a
 * local MailRoot, and asks the server to replace each file, then updates the copy.
 */
public interface RemoteServer {

    /** @return the server, as {@code ctrl://user@host:port}: names its journal folder and its messages */
    String name();

    /**
     * Called once before any file of a run is replaced: refuses the whole run, with nothing changed, when a file on
     * the server no longer holds what the plan was made from, or when the server could not store a file's bytes
     * exactly.
     *
     * @param files each file to replace (by its name relative to MailRoot), with its local copy
     * @throws WriteRefusedException when a file changed on the server (reason CHANGED)
     * @throws IOException          when the server cannot be reached or cannot store a file exactly
     */
    void prepare(Map<String, Change> files) throws IOException;

    /**
     * Replaces one file on the server: checks it still holds {@code before}, uploads {@code after}, reads it back.
     * Ends normally only when the server holds exactly {@code after}; otherwise it puts {@code before} back if it
     * can and throws, naming the backup.
     *
     * @param name   the file relative to MailRoot
     * @param change what it holds and will hold, with its local copy and its backup
     * @throws IOException when the file was not replaced (the message says what the server holds now)
     */
    void replace(String name, Change change) throws IOException;

    /** One file's replacement (a class, not a record: it holds byte arrays, compared by content nowhere). */
    final class Change {
        private final Path local;
        private final byte[] before;
        private final byte[] after;
        private final Path backup;

        /**
         * @param local  the file in the local copy
         * @param before what it holds (empty for a file that does not exist)
         * @param after  what it is to hold
         * @param backup where {@code before} is kept on this machine
         */
        public Change(Path local, byte[] before, byte[] after, Path backup) {
            this.local = local;
            this.before = before.clone();
            this.after = after.clone();
            this.backup = backup;
        }

        /** @return the file in the local copy */
        public Path local() {
            return local;
        }

        /** @return what it holds (empty for a file that does not exist) */
        public byte[] before() {
            return before.clone();
        }

        /** @return what it is to hold */
        public byte[] after() {
            return after.clone();
        }

        /** @return where {@code before} is kept on this machine */
        public Path backup() {
            return backup;
        }
    }
}
