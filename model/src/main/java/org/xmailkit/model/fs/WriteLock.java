package org.xmailkit.model.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * An exclusive lock on a lock file, held while one run changes one server ({@link SafeWriter#lock}). The operating
 * system releases it when the process ends, however it ends; the lock file itself stays (deleting it would let two
 * runs lock two different files of the same name).
 */
public final class WriteLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    WriteLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
