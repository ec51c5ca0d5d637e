package org.xmailkit.migrate;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.fs.Hashes;

/** One file of a migration: its bytes before and after, and a unified diff for display. */
public final class FileResult {

    private final MailRootFile kind;
    private final Path path;
    private final byte[] before;
    private final byte[] after;
    private final Charset charset;
    private final List<String> diff;

    /**
     * @param kind    which file
     * @param path    where it is
     * @param before  the bytes as read
     * @param after   the bytes the migration computed from the edited document
     * @param charset the encoding detected in {@code before} (display only)
     * @param diff    the unified diff lines
     */
    public FileResult(MailRootFile kind, Path path, byte[] before, byte[] after, Charset charset, List<String> diff) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.path = Objects.requireNonNull(path, "path");
        this.before = before.clone();
        this.after = after.clone();
        this.charset = Objects.requireNonNull(charset, "charset");
        this.diff = List.copyOf(diff);
    }

    /** @return which file */
    public MailRootFile kind() {
        return kind;
    }

    /** @return where it is */
    public Path path() {
        return path;
    }

    /** @return the bytes as read */
    public byte[] before() {
        return before.clone();
    }

    /** @return the bytes to write */
    public byte[] after() {
        return after.clone();
    }

    /** @return the SHA-256 of the bytes as read */
    public String beforeHash() {
        return Hashes.sha256(before);
    }

    /** @return the SHA-256 of the bytes to write */
    public String afterHash() {
        return Hashes.sha256(after);
    }

    /** @return the encoding detected when read */
    public Charset charset() {
        return charset;
    }

    /** @return the unified diff lines (empty when unchanged) */
    public List<String> diff() {
        return diff;
    }

    /** @return whether the migration changes the file */
    public boolean changed() {
        return !Arrays.equals(before, after);
    }
}
