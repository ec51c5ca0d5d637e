package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServerIdsTest {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    @Test
    void idsAreThePathsBelowTheCommonDirectory() {
        List<String> ids = ServerIds.assign(List.of(
                Path.of("/srv/fleet/tokyo/mx1"),
                Path.of("/srv/fleet/osaka/mx1"),
                Path.of("/srv/fleet/legacy/server.tab")));
        assertEquals(List.of("tokyo-mx1", "osaka-mx1", "legacy-server.tab"), ids);
    }

    @Test
    void aSingleServerIsNamedAfterItsDirectory() {
        assertEquals(List.of("MailRoot"), ServerIds.assign(List.of(Path.of("/var/MailRoot"))));
    }

    @Test
    void hostileNamesBecomeSafeFileNames() {
        List<Path> paths = List.of(
                Path.of("/x/..hidden"),
                Path.of("/x/a b;rm -rf"),
                Path.of("/x/<script>"),
                Path.of("/x/CON"),
                Path.of("/x/nul.tab"),
                Path.of("/x/-option"),
                Path.of("/x/" + "a".repeat(300)),
                Path.of("/x/名古屋"),
                Path.of("/x/.."),
                Path.of("/x/a\\b"));
        List<String> ids = ServerIds.assign(paths);
        for (String id : ids) {
            assertTrue(SAFE.matcher(id).matches(), id);
            assertTrue(id.length() <= ServerIds.MAX_LENGTH, id);
            assertFalse(id.contains(".."), id);
            String stem = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
            assertFalse(Set.of("con", "nul", "prn", "aux").contains(stem.toLowerCase(Locale.ROOT)), id);
        }
        assertEquals(paths.size(), new HashSet<>(ids).size());
    }

    @Test
    void idsThatWouldClashGetDistinctHashes() {
        List<Path> paths = List.of(
                Path.of("/f/a b"),
                Path.of("/f/a_b"),
                Path.of("/f/Mail"),
                Path.of("/f/mail"),
                Path.of("/f/東京"),
                Path.of("/f/大阪"));
        List<String> ids = ServerIds.assign(paths);
        Set<String> folded = new HashSet<>();
        ids.forEach(id -> folded.add(id.toLowerCase(Locale.ROOT)));
        assertEquals(paths.size(), folded.size(), ids.toString());
        assertTrue(ids.get(0).startsWith("a_b-"), ids.get(0));
        assertTrue(ids.get(4).matches("_+-[0-9a-f]{8}|server-[0-9a-f]{8}"), ids.get(4));
    }

    @Test
    void theSamePathGivenTwiceStillGetsTwoIds() {
        List<String> ids = ServerIds.assign(List.of(Path.of("/f/a"), Path.of("/f/a")));
        assertNotEquals(ids.get(0).toLowerCase(Locale.ROOT), ids.get(1).toLowerCase(Locale.ROOT));
    }

    @Test
    void idsAreStable() {
        List<Path> paths = List.of(Path.of("/f/東京"), Path.of("/f/x/mx"), Path.of("/f/y/mx"));
        assertEquals(ServerIds.assign(paths), ServerIds.assign(List.copyOf(paths)));
    }
}
