package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    private static boolean matches(String glob, String path) {
        return new PathGlob(glob).matches(Path.of(path));
    }

    @Test
    void plainNameMatchesTheFileInAnyDirectory() {
        assertTrue(matches("server.tab", "/srv/fleet/mail01/server.tab"));
        assertTrue(matches("server.tab", "server.tab"));
        assertFalse(matches("server.tab", "/srv/fleet/mail01/server.tab.bak"));
    }

    @Test
    void globMatchesTrailingSegmentsOnly() {
        assertTrue(matches("mail01/*.tab", "/srv/fleet/mail01/smtprelay.tab"));
        assertFalse(matches("mail01/*.tab", "/srv/fleet/mail011/smtprelay.tab"));
        assertFalse(matches("ail01/server.tab", "/srv/fleet/mail01/server.tab"));
    }

    @Test
    void singleStarStaysWithinASegment() {
        assertFalse(matches("fleet/*.tab", "/srv/fleet/mail01/server.tab"));
        assertTrue(matches("fleet/*/server.tab", "/srv/fleet/mail01/server.tab"));
    }

    @Test
    void doubleStarCrossesSegmentsAndMatchesTheDirectoryItself() {
        assertTrue(matches("**", "/srv/fleet/mail01/server.tab"));
        assertTrue(matches("fleet/**", "/srv/fleet/mail01/server.tab"));
        assertTrue(matches("mail01/**", "/srv/fleet/mail01"));
        assertTrue(matches("**/server.tab", "server.tab"));
    }

    @Test
    void questionMarkIsOneCharacter() {
        assertTrue(matches("mail0?/server.tab", "/x/mail07/server.tab"));
        assertFalse(matches("mail0?/server.tab", "/x/mail/server.tab"));
    }

    @Test
    void backslashesAndLeadingDotSlashAreSeparators() {
        assertTrue(matches("mail01\\server.tab", "/srv/mail01/server.tab"));
        assertTrue(matches("./mail01/server.tab", "/srv/mail01/server.tab"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(matches("mail(1)+/server.tab", "/srv/mail(1)+/server.tab"));
        assertFalse(matches("mail.1/server.tab", "/srv/mailx1/server.tab"));
    }

    @Test
    void emptyGlobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PathGlob("  / "));
    }
}
