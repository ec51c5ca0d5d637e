package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds MailRoots under the paths a user gives, and says what it could not search. */
public final class MailRoots {

    /** How deep below a given directory MailRoots are searched. */
    public static final int MAX_DEPTH = 12;

    private MailRoots() {}

    /**
     * What a search found.
     *
     * @param servers the MailRoot directories and bare server.tab files found, in input order
     * @param skipped what could not be searched, one error each, in the order met: an unreadable directory
     *                ({@link InputException.Reason#UNREADABLE}), a directory at the depth limit with subdirectories
     *                ({@link InputException.Reason#TOO_DEEP}), a server.tab or directory that is a symbolic link
     *                leading out of the searched directory ({@link InputException.Reason#LINK_OUTSIDE})
     */
    public record Discovery(List<Path> servers, List<InputException> skipped) {
        public Discovery {
            servers = List.copyOf(servers);
            skipped = List.copyOf(skipped);
        }

        /** @return whether every directory named was searched in full */
        public boolean complete() {
            return skipped.isEmpty();
        }
    }

    /**
     * Each path that is a file is taken as a bare server.tab; each directory holding {@code server.tab} is a
     * MailRoot; other directories are searched (without following symbolic links) for directories holding
     * {@code server.tab}, not descending into a MailRoot once found. Results keep the order of the inputs and are
     * sorted within each searched directory.
     *
     * @param inputs the paths given
     * @return the MailRoot directories and bare server.tab files found, and what could not be searched
     * @throws InputException when an input is missing or a directory holds no MailRoot at all
     */
    public static Discovery discover(List<Path> inputs) throws InputException {
        return discover(inputs, Files::newDirectoryStream);
    }

    /** How a directory is listed; tests substitute failures no file system gives to root. */
    @FunctionalInterface
    interface Lister {
        DirectoryStream<Path> list(Path dir) throws IOException;
    }

    static Discovery discover(List<Path> inputs, Lister lister) throws InputException {
        Set<Path> out = new LinkedHashSet<>();
        Map<Path, InputException> skipped = new LinkedHashMap<>();
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
            List<InputException> missed = new ArrayList<>();
            List<Path> found = new Search(input, lister, missed).run();
            if (found.isEmpty() && missed.isEmpty()) {
                throw new InputException(input, 0, InputException.Reason.NOT_A_MAILROOT);
            }
            out.addAll(found);
            missed.forEach(e -> skipped.putIfAbsent(e.path(), e));
        }
        return new Discovery(List.copyOf(out), List.copyOf(skipped.values()));
    }

    /**
     * One search below a directory: depth first, each directory's entries in name order, no symbolic link
     * followed, nothing opened but directories.
     */
    private static final class Search {
        private final Path root;
        private final Lister lister;
        private final List<InputException> missed;
        private final List<Path> found = new ArrayList<>();
        private Path start;

        Search(Path root, Lister lister, List<InputException> missed) {
            this.root = root;
            this.lister = lister;
            this.missed = missed;
        }

        List<Path> run() throws InputException {
            try {
                // The root itself may be a symbolic link the user named; below it no link is followed.
                start = root.toRealPath();
            } catch (IOException e) {
                throw unreadable(root, e);
            }
            List<Path> top;
            try {
                top = entries(start);
            } catch (IOException e) {
                throw unreadable(root, e);
            }
            visit(top, 1);
            found.sort(null);
            return found;
        }

        /** Visits the entries of a directory at the given depth (1 for the root's entries). */
        private void visit(List<Path> entries, int depth) {
            for (Path p : entries) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // gone since it was listed: nothing was missed
                } catch (IOException e) {
                    missed.add(unreadable(shown(p), e));
                    continue;
                }
                if (a.isSymbolicLink()) {
                    if (leavesTree(p) && Files.isDirectory(p)) {
                        missed.add(
                                new InputException(shown(p), 0, InputException.Reason.LINK_OUTSIDE, root.toString()));
                    }
                    continue;
                }
                if (!a.isDirectory()) {
                    continue;
                }
                if (holdsServerTab(p)) {
                    found.add(shown(p));
                    continue; // not descending into a MailRoot
                }
                List<Path> below;
                try {
                    below = entries(p);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    missed.add(unreadable(shown(p), e));
                    continue;
                }
                if (depth >= MAX_DEPTH) {
                    if (below.stream().anyMatch(x -> Files.isDirectory(x, LinkOption.NOFOLLOW_LINKS))) {
                        missed.add(new InputException(
                                shown(p), 0, InputException.Reason.TOO_DEEP, Integer.toString(MAX_DEPTH)));
                    }
                    continue;
                }
                visit(below, depth + 1);
            }
        }

        private List<Path> entries(Path dir) throws IOException {
            List<Path> out = new ArrayList<>();
            try (DirectoryStream<Path> s = lister.list(dir)) {
                for (Path p : s) {
                    out.add(p);
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause(); // listing stopped half-way
            }
            out.sort(null);
            return out;
        }

        /**
         * A directory holds a server.tab when the file is there, and, if it is a symbolic link, when the link leads
         * inside the searched tree or nowhere (opening the server then says what is wrong); a link leading out is
         * noted as skipped and never followed.
         */
        private boolean holdsServerTab(Path dir) {
            Path tab = dir.resolve("server.tab");
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(tab, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return false;
            }
            if (a.isSymbolicLink() && leavesTree(tab)) {
                missed.add(new InputException(shown(tab), 0, InputException.Reason.LINK_OUTSIDE, root.toString()));
                return false;
            }
            return true;
        }

        /** Whether a link resolves to somewhere outside the tree; a link to nothing does not count as leaving. */
        private boolean leavesTree(Path link) {
            try {
                return !link.toRealPath().startsWith(start);
            } catch (IOException e) {
                return false;
            }
        }

        private Path shown(Path p) {
            return root.resolve(start.relativize(p).toString());
        }
    }

    private static InputException unreadable(Path path, IOException e) {
        String why = e instanceof AccessDeniedException
                ? "permission denied"
                : e instanceof FileSystemException f && f.getReason() != null
                        ? f.getReason()
                        : String.valueOf(e.getMessage());
        return new InputException(path, 0, InputException.Reason.UNREADABLE, why);
    }
}
