package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds MailRoots under the paths a user gives. */
public final class MailRoots {

    /** How deep below a given directory MailRoots are searched. */
    public static final int MAX_DEPTH = 12;

    private MailRoots() {
    }

    /**
     * Each path that is a file is taken as a bare server.tab; each directory holding {@code server.tab} is a
     * MailRoot; other directories are searched (without following symbolic links) for directories holding
     * {@code server.tab}, not descending into a MailRoot once found. Results keep the order of the inputs and are
     * sorted within each searched directory.
     *
     * @param inputs the paths given
     * @return the MailRoot directories and bare server.tab files found
     * @throws InputException when an input is missing or a directory holds no MailRoot at all
     */
    public static List<Path> discover(List<Path> inputs) throws InputException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputException(input, 0, InputException.Reason.MISSING);
            }
            if (!Files.isDirectory(input)) {
                out.add(input);
                continue;
            }
            if (Files.exists(input.resolve("server.tab"), LinkOption.NOFOLLOW_LINKS)) {
                out.add(input);
                continue;
            }
            List<Path> found = search(input);
            if (found.isEmpty()) {
                throw new InputException(input, 0, InputException.Reason.NOT_A_MAILROOT);
            }
            out.addAll(found);
        }
        return List.copyOf(out);
    }

    private static List<Path> search(Path root) throws InputException {
        List<Path> found = new ArrayList<>();
        try {
            // The root itself may be a symbolic link the user named; below it no link is followed.
            Path start = root.toRealPath();
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(start) && holdsServerTab(start, dir)) {
                        found.add(root.resolve(start.relativize(dir)));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // unreadable directories are skipped; the rest goes on
                }
            });
        } catch (IOException e) {
            throw new InputException(root, 0, InputException.Reason.UNREADABLE, String.valueOf(e.getMessage()));
        }
        found.sort(null);
        return found;
    }

    /**
     * A directory found while searching holds a server.tab when the file is there, and, if it is a symbolic link,
     * when the link leads to a file inside the searched tree: a search never reads outside the tree it was given.
     */
    private static boolean holdsServerTab(Path start, Path dir) {
        Path tab = dir.resolve("server.tab");
        if (!Files.exists(tab, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isSymbolicLink(tab)) {
            return true;
        }
        try {
            return tab.toRealPath().startsWith(start);
        } catch (IOException e) {
            return false; // a dangling link
        }
    }
}
