package org.xmailkit.model.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The files xmailkit wrote into an output directory, with their SHA-256, in {@value #FILE} (the format of
 * {@code sha256sum}, so {@code sha256sum -c} checks it). It is how an earlier output is recognised: a directory may
 * be written to when it is new, empty, or holds a manifest, and then only the files the manifest lists, still
 * holding what xmailkit wrote, are replaced or deleted; anything else in the directory stays. The manifest itself is
 * data anyone with access to the directory could have edited: a line naming a file xmailkit would not write, a link
 * in place of a listed file or directory, or a listed file whose content changed refuses the whole directory.
 *
 * <p>Each file's line is appended before the file is renamed into place, so a run that stops half-way leaves a
 * manifest that still covers every file it wrote; a finished run rewrites the manifest with exactly its files.
 */
public final class WriteManifest {

    /** The manifest's file name. */
    public static final String FILE = "xmailkit-manifest.sha256";

    /** The largest manifest xmailkit could have written: a line per file, a million files. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * The largest file xmailkit could have written to an output directory (the JSON and SARIF of a fleet of
     * thousands of servers take hundreds of megabytes): a bigger one is not hashed through to its end.
     */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024 * 1024;

    private final SafeWriter writer;
    private final Path dir;
    private final Predicate<String> names;
    /** What earlier runs listed: name to every hash written for it. */
    private final Map<String, Set<String>> listed;
    /** What this run wrote: name to hash. */
    private final Map<String, String> written = new TreeMap<>();

    private WriteManifest(SafeWriter writer, Path dir, Predicate<String> names, Map<String, Set<String>> listed) {
        this.writer = writer;
        this.dir = dir;
        this.names = names;
        this.listed = listed;
    }

    /**
     * Opens an output directory: missing, empty, or holding a manifest whose every listed file is still what
     * xmailkit wrote.
     *
     * @param policy the write policy
     * @param dir    the output directory
     * @param names  the file names (relative, {@code /}-separated) the caller writes; a manifest naming another
     *               file is refused
     * @return the manifest
     * @throws WriteRefusedException when the directory may not be written to
     * @throws IOException           when it cannot be read
     */
    public static WriteManifest open(WritePolicy policy, Path dir, Predicate<String> names) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        SafeWriter writer = policy.writerFor(abs);
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        WriteManifest m = new WriteManifest(writer, abs, names, listed);
        if (!Files.exists(abs)) {
            return m;
        }
        if (!Files.isDirectory(abs)) {
            throw new WriteRefusedException(dir, WriteRefusedException.Reason.NOT_A_DIRECTORY);
        }
        Path file = abs.resolve(FILE);
        byte[] bytes = writer.readBack(file, MAX_BYTES).orElse(null);
        if (bytes == null) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(abs)) {
                if (s.iterator().hasNext()) {
                    throw new WriteRefusedException(dir, WriteRefusedException.Reason.NOT_EMPTY, FILE);
                }
            }
            return m;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // The last element follows the last line feed: empty, or a line torn by a crash (ignored; the next append
        // cuts it off).
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.length() < 67
                    || !Hashes.SHA256.matcher(line.substring(0, 64)).matches()
                    || !line.startsWith("  ", 64)
                    || !m.valid(line.substring(66))) {
                throw new WriteRefusedException(file, WriteRefusedException.Reason.MANIFEST, Integer.toString(i + 1));
            }
            listed.computeIfAbsent(line.substring(66), k -> new HashSet<>()).add(line.substring(0, 64));
        }
        for (Map.Entry<String, Set<String>> e : listed.entrySet()) {
            Path f = m.resolve(e.getKey());
            m.checkDirectories(e.getKey());
            String now = writer.hash(f, MAX_FILE_BYTES).orElse(null);
            if (now != null && !e.getValue().contains(now)) {
                throw new WriteRefusedException(f, WriteRefusedException.Reason.EDITED);
            }
        }
        return m;
    }

    /** @return the output directory */
    public Path directory() {
        return dir;
    }

    /**
     * Refuses a file this run is about to write when something that xmailkit did not write stands there, or a link
     * stands on its way. Check every planned file before writing the first.
     *
     * @param name the file's name in the directory ({@code /}-separated)
     * @throws WriteRefusedException when it may not be written
     * @throws IOException           when the directory cannot be read
     */
    public void check(String name) throws IOException {
        if (!valid(name)) {
            throw new IllegalArgumentException("not a file this manifest covers: " + name);
        }
        checkDirectories(name);
        Path f = resolve(name);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        boolean ours;
        synchronized (this) {
            ours = listed.containsKey(name) || written.containsKey(name);
        }
        if (!ours) {
            throw new WriteRefusedException(
                    f, a.isSymbolicLink() ? WriteRefusedException.Reason.LINK : WriteRefusedException.Reason.NOT_OURS);
        }
    }

    /**
     * Writes one file (after {@link #check}) and lists it.
     *
     * @param name    the file's name in the directory
     * @param content what to write
     * @return the file
     * @throws IOException on failure, or when refused
     */
    public Path write(String name, SafeWriter.Content content) throws IOException {
        check(name);
        Path f = resolve(name);
        String hash = writer.write(f, content, h -> list(name, h));
        synchronized (this) {
            written.put(name, hash);
        }
        return f;
    }

    /**
     * Ends the run: deletes the files earlier runs listed that this run did not write (if they still hold what was
     * written), then rewrites the manifest with exactly this run's files.
     *
     * @throws IOException on failure
     */
    public synchronized void finish() throws IOException {
        for (Map.Entry<String, Set<String>> e : listed.entrySet()) {
            if (written.containsKey(e.getKey())) {
                continue;
            }
            Path f = resolve(e.getKey());
            String now = writer.hash(f, MAX_FILE_BYTES).orElse(null);
            if (now != null && e.getValue().contains(now)) {
                writer.delete(f);
            }
        }
        StringBuilder b = new StringBuilder();
        written.forEach((name, hash) -> b.append(hash).append("  ").append(name).append('\n'));
        writer.write(dir.resolve(FILE), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void list(String name, String hash) throws IOException {
        writer.append(
                dir.resolve(FILE), new byte[0], (hash + "  " + name + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private Path resolve(String name) {
        return dir.resolve(name);
    }

    /** A name xmailkit could have written: relative, plain parts, one the caller writes. */
    private boolean valid(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.equals(FILE)) {
            return false;
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return names.test(name);
    }

    /** Every directory between the output directory and the file must be a directory, not a link. */
    private void checkDirectories(String name) throws IOException {
        String[] parts = name.split("/");
        Path p = dir;
        for (int i = 0; i < parts.length - 1; i++) {
            p = p.resolve(parts[i]);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return;
            }
            if (a.isSymbolicLink()) {
                throw new WriteRefusedException(p, WriteRefusedException.Reason.LINK);
            }
            if (!a.isDirectory()) {
                throw new WriteRefusedException(p, WriteRefusedException.Reason.NOT_A_DIRECTORY);
            }
        }
    }
}
