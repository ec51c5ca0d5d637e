package org.xmailkit.model.fs;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes written now and copied out later, in the order written: the part of a document that is written while a fleet
 * is audited but comes after what is known only at the end (a JSON document's summary precedes its servers). The
 * first {@link #IN_MEMORY} bytes stay in memory; beyond that they go to a temporary file in the system's temporary
 * directory, created exclusively and readable by its owner only (as every temporary file xmailkit writes, see
 * {@link WritePolicy}), and deleted when the spool is closed. So a document of any size is written with a bounded
 * heap. Not thread-safe.
 */
public final class Spool extends OutputStream {

    /** How many bytes a spool holds in memory before it moves to a temporary file. */
    public static final int IN_MEMORY = 4 * 1024 * 1024;

    private final int limit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long size;
    private boolean closed;

    /** A spool that moves to a temporary file after {@link #IN_MEMORY} bytes. */
    public Spool() {
        this(IN_MEMORY);
    }

    /** @param limit how many bytes to hold in memory (tests make it small) */
    Spool(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
        size += len;
    }

    private OutputStream target(int more) throws IOException {
        if (closed) {
            throw new IOException("spool closed");
        }
        if (out == null && memory.size() + (long) more > limit) {
            file = Files.createTempFile("xmailkit-", ".spool");
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            memory.writeTo(out);
            memory = null;
        }
        return out == null ? memory : out;
    }

    /** @return how many bytes were written */
    public long size() {
        return size;
    }

    /** @return whether the bytes went to a temporary file */
    public boolean onDisk() {
        return file != null;
    }

    /** @return the temporary file, or null while the bytes are in memory */
    Path file() {
        return file;
    }

    /**
     * Copies everything written so far to a stream; the spool may be written to and copied again afterwards.
     *
     * @param to where to copy; not closed
     * @throws IOException when reading or writing fails
     */
    public void copyTo(OutputStream to) throws IOException {
        if (out == null && !closed) {
            memory.writeTo(to);
            return;
        }
        try (InputStream in = read()) {
            in.transferTo(to);
        }
    }

    /**
     * @return everything written so far, to be read (and closed) before the spool is written to again
     * @throws IOException when the temporary file cannot be read
     */
    public InputStream read() throws IOException {
        if (closed) {
            throw new IOException("spool closed");
        }
        if (out == null) {
            return new ByteArrayInputStream(memory.toByteArray());
        }
        out.flush();
        return Files.newInputStream(file);
    }

    /** Forgets the bytes and deletes the temporary file, if any. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        memory = null;
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
