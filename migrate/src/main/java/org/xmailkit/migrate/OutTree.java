package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WritePolicy;

/**
 * {@code --out DIR}: writes a migrated copy of a server, leaving the original untouched. A MailRoot is copied
 * whole (every regular file with its permissions and time, symbolic links as links, special files and xmailkit's
 * own backups, journals and locks left out), and the migrated files are written in place of their copies with the
 * original's permissions; a bare server.tab becomes one file. When run as root, copies keep their owner and group
 * too. Everything goes through the {@link WritePolicy}, confined to the destination.
 */
public final class OutTree {

    private OutTree() {}

    /**
     * @param result      the migration of the server
     * @param destination the directory (for a MailRoot) or file (for a bare server.tab) to create
     * @param policy      how files are written
     * @return the files written with migrated content
     * @throws IOException on failure
     */
    public static List<Path> write(MigrationResult result, Path destination, WritePolicy policy) throws IOException {
        Path dest = destination.toAbsolutePath().normalize();
        List<Path> migrated = new ArrayList<>();
        if (result.bare()) {
            FileResult tab = result.files().get(0);
            policy.writerFor(dest.getParent()).writeCopy(dest, tab.after(), tab.path());
            migrated.add(dest);
            return migrated;
        }
        SafeWriter w = policy.writerFor(dest);
        Path source = result.path().toAbsolutePath().normalize();
        Set<Path> changed = new HashSet<>();
        for (FileResult f : result.changedFiles()) {
            changed.add(f.path().toAbsolutePath().normalize());
        }
        copyTree(source, dest, changed, w);
        for (FileResult f : result.changedFiles()) {
            Path target = dest.resolve(
                    source.relativize(f.path().toAbsolutePath().normalize()).toString());
            w.writeCopy(target, f.after(), f.path());
            migrated.add(target);
        }
        return migrated;
    }

    /**
     * Whether a file is one of xmailkit's own (a backup, a journal, a lock or a temporary file), not part of the
     * MailRoot.
     */
    static boolean ours(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(Journal.SUFFIX)
                || n.endsWith(Journal.LOCK_SUFFIX)
                || n.matches(".+\\.xmailkit-.+\\.bak")
                || SafeWriter.TEMP.matcher(n).matches();
    }

    private static void copyTree(Path source, Path destination, Set<Path> skip, SafeWriter w) throws IOException {
        Files.walkFileTree(source, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                w.directory(destination.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (ours(file) || skip.contains(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = destination.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    w.link(target, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    w.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
