package org.xmailkit.migrate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --out DIR}: writes a migrated copy of a server, leaving the original untouched. A MailRoot is copied
 * whole (every file, symbolic links as links, xmailkit's own backups and journals left out), then the migrated
 * files are written over their copies; a bare server.tab becomes one file.
 */
public final class OutTree {

    private OutTree() {
    }

    /**
     * @param result      the migration of the server
     * @param destination the directory (for a MailRoot) or file (for a bare server.tab) to create
     * @return the files written with migrated content
     * @throws IOException on failure
     */
    public static List<Path> write(MigrationResult result, Path destination) throws IOException {
        List<Path> migrated = new ArrayList<>();
        if (result.bare()) {
            Files.createDirectories(destination.toAbsolutePath().getParent());
            FileResult tab = result.files().get(0);
            Files.write(destination, tab.after());
            migrated.add(destination);
            return migrated;
        }
        Path source = result.path();
        copyTree(source, destination);
        for (FileResult f : result.changedFiles()) {
            Path target = destination.resolve(source.relativize(f.path()));
            Files.deleteIfExists(target);
            Files.write(target, f.after());
            migrated.add(target);
        }
        return migrated;
    }

    /** Whether a file is one of xmailkit's own (a backup, a journal or a temporary file), not part of the MailRoot. */
    static boolean ours(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(Journal.SUFFIX) || n.matches(".+\\.xmailkit-.+\\.bak") || AtomicWriter.TEMP.matcher(n).matches();
    }

    private static void copyTree(Path source, Path destination) throws IOException {
        Files.walkFileTree(source, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = destination.resolve(source.relativize(dir).toString());
                Files.createDirectories(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (ours(file)) {
                    return FileVisitResult.CONTINUE;
                }
                Path target = destination.resolve(source.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
