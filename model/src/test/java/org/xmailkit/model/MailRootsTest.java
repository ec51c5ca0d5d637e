package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.model.testing.XMail127Default;

class MailRootsTest {

    @TempDir
    Path tmp;

    @Test
    void findsMailRootsUnderATreeSortedAndNotInsideEachOther() throws Exception {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("tokyo/MailRoot"));
        XMail127Default.copyTo(fleet.resolve("osaka/xmail/MailRoot"));
        XMail127Default.copyTo(fleet.resolve("tokyo/MailRoot/backup/MailRoot"));
        Files.createDirectories(fleet.resolve("empty/dir"));
        MailRoots.Discovery d = MailRoots.discover(List.of(fleet));
        assertEquals(List.of(fleet.resolve("osaka/xmail/MailRoot"), fleet.resolve("tokyo/MailRoot")), d.servers());
        assertTrue(d.complete());
    }

    @Test
    void aDirectoryHoldingServerTabIsItselfTheMailRootAndAFileIsABareServerTab() throws Exception {
        Path root = XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Path file = root.resolve("server.tab");
        assertEquals(
                List.of(root, file), MailRoots.discover(List.of(root, file)).servers());
        assertEquals(List.of(root), MailRoots.discover(List.of(root, root)).servers(), "each input once");
    }

    @Test
    void neverFollowsASymbolicLinkOutOfTheTree() throws Exception {
        Path outside = XMail127Default.copyTo(tmp.resolve("outside/MailRoot"));
        Path tree = tmp.resolve("tree");
        XMail127Default.copyTo(tree.resolve("real"));
        Files.createSymbolicLink(tree.resolve("linked-dir"), outside);
        Files.createDirectories(tree.resolve("linked-file"));
        Files.createSymbolicLink(tree.resolve("linked-file/server.tab"), outside.resolve("server.tab"));
        Files.createDirectories(tree.resolve("inner-link"));
        Files.createSymbolicLink(tree.resolve("inner-link/server.tab"), tree.resolve("real/server.tab"));
        Files.createDirectories(tree.resolve("dangling"));
        Files.createSymbolicLink(tree.resolve("dangling/server.tab"), tmp.resolve("gone"));
        MailRoots.Discovery d = MailRoots.discover(List.of(tree));
        // A link to nothing and a link inside the tree are servers: opening them says what is wrong with them.
        assertEquals(List.of(tree.resolve("dangling"), tree.resolve("inner-link"), tree.resolve("real")), d.servers());
        assertEquals(
                List.of(tree.resolve("linked-dir"), tree.resolve("linked-file/server.tab")),
                d.skipped().stream().map(InputException::path).sorted().toList());
        for (InputException e : d.skipped()) {
            assertEquals(InputException.Reason.LINK_OUTSIDE, e.reason());
            assertEquals(e.path() + ": not read: link leaves " + tree, e.getMessage());
        }
    }

    @Test
    void directoriesBelowTheDepthLimitAreReportedNotSilentlyDropped() throws Exception {
        Path fleet = tmp.resolve("fleet");
        Path deep = fleet;
        for (int i = 1; i <= MailRoots.MAX_DEPTH; i++) {
            deep = deep.resolve("d" + i);
        }
        XMail127Default.copyTo(deep);
        XMail127Default.copyTo(deep.resolve("inner/MailRoot"));
        Path tooDeep = deep.getParent().resolve("other");
        XMail127Default.copyTo(tooDeep.resolve("MailRoot"));
        XMail127Default.copyTo(fleet.resolve("shallow"));
        MailRoots.Discovery d = MailRoots.discover(List.of(fleet));
        assertEquals(List.of(deep, fleet.resolve("shallow")), d.servers(), "the deepest level searched still counts");
        assertEquals(1, d.skipped().size(), d.skipped().toString());
        InputException e = d.skipped().get(0);
        assertEquals(InputException.Reason.TOO_DEEP, e.reason());
        assertEquals(tooDeep, e.path());
        assertEquals(
                tooDeep + ": not searched below: more than 12 directory levels down; name this directory to "
                        + "search it",
                e.getMessage());
        assertEquals(tooDeep + ": これより下は検索していません: 12 階層より深い場所です。検索するにはこのディレクトリを直接指定してください", e.oneLine(Locale.JAPANESE));
        assertEquals(
                List.of(tooDeep.resolve("MailRoot")),
                MailRoots.discover(List.of(tooDeep)).servers(),
                "named directly, it is searched");
    }

    @Test
    @SuppressWarnings("StreamResourceLeak") // the stream is handed to the search, which closes it
    void anUnreadableDirectoryIsReportedAndTheRestIsSearched() throws Exception {
        Path fleet = tmp.resolve("fleet");
        XMail127Default.copyTo(fleet.resolve("a"));
        XMail127Default.copyTo(fleet.resolve("locked/b"));
        XMail127Default.copyTo(fleet.resolve("z"));
        Path locked = fleet.toRealPath().resolve("locked");
        MailRoots.Discovery d = MailRoots.discover(List.of(fleet), dir -> {
            if (dir.equals(locked)) {
                throw new AccessDeniedException(dir.toString());
            }
            return Files.newDirectoryStream(dir);
        });
        assertEquals(List.of(fleet.resolve("a"), fleet.resolve("z")), d.servers());
        assertEquals(1, d.skipped().size());
        assertEquals(
                fleet.resolve("locked") + ": cannot be read (permission denied)",
                d.skipped().get(0).getMessage());
        assertEquals(
                fleet.resolve("locked") + ": 読み込めません (permission denied)",
                d.skipped().get(0).oneLine(Locale.JAPANESE));
        assertFalse(d.complete());
    }

    @Test
    void aTreeWhoseOnlyServerWasSkippedIsNotAnErrorButASkip() throws Exception {
        Path outside = XMail127Default.copyTo(tmp.resolve("outside"));
        Path fleet = Files.createDirectories(tmp.resolve("fleet/a"));
        Files.createSymbolicLink(fleet.resolve("server.tab"), outside.resolve("server.tab"));
        MailRoots.Discovery d = MailRoots.discover(List.of(tmp.resolve("fleet")));
        assertEquals(List.of(), d.servers());
        assertEquals(
                List.of(fleet.resolve("server.tab")),
                d.skipped().stream().map(InputException::path).toList());
    }

    @Test
    void aRootThatIsItselfALinkIsSearched() throws Exception {
        Path target = tmp.resolve("target");
        XMail127Default.copyTo(target.resolve("a"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertEquals(
                List.of(link.resolve("a")), MailRoots.discover(List.of(link)).servers());
    }

    @Test
    void missingInputsAndTreesWithoutMailRootsAreInputErrors() throws IOException {
        InputException missing =
                assertThrows(InputException.class, () -> MailRoots.discover(List.of(tmp.resolve("nothing"))));
        assertEquals(InputException.Reason.MISSING, missing.reason());
        Files.createDirectories(tmp.resolve("plain/sub"));
        InputException none =
                assertThrows(InputException.class, () -> MailRoots.discover(List.of(tmp.resolve("plain"))));
        assertEquals(InputException.Reason.NOT_A_MAILROOT, none.reason());
    }
}
