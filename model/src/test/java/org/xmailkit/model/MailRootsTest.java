package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(List.of(fleet.resolve("osaka/xmail/MailRoot"), fleet.resolve("tokyo/MailRoot")),
                MailRoots.discover(List.of(fleet)));
    }

    @Test
    void aDirectoryHoldingServerTabIsItselfTheMailRootAndAFileIsABareServerTab() throws Exception {
        Path root = XMail127Default.copyTo(tmp.resolve("MailRoot"));
        Path file = root.resolve("server.tab");
        assertEquals(List.of(root, file), MailRoots.discover(List.of(root, file)));
        assertEquals(List.of(root), MailRoots.discover(List.of(root, root)), "each input once");
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
        assertEquals(List.of(tree.resolve("inner-link"), tree.resolve("real")), MailRoots.discover(List.of(tree)));
    }

    @Test
    void aRootThatIsItselfALinkIsSearched() throws Exception {
        Path target = tmp.resolve("target");
        XMail127Default.copyTo(target.resolve("a"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertEquals(List.of(link.resolve("a")), MailRoots.discover(List.of(link)));
    }

    @Test
    void missingInputsAndTreesWithoutMailRootsAreInputErrors() throws IOException {
        InputException missing = assertThrows(InputException.class,
                () -> MailRoots.discover(List.of(tmp.resolve("nothing"))));
        assertEquals(InputException.Reason.MISSING, missing.reason());
        Files.createDirectories(tmp.resolve("plain/sub"));
        InputException none = assertThrows(InputException.class, () -> MailRoots.discover(List.of(tmp.resolve("plain"))));
        assertEquals(InputException.Reason.NOT_A_MAILROOT, none.reason());
    }
}
