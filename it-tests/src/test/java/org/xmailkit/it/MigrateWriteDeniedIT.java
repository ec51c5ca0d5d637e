package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmailkit.cli.ExitCode;

/**
 * {@code migrate --write} run by a user who may not write the fleet: the files belong to someone else (root on
 * the test machine, the host user elsewhere), mode 644, in directories mode 755. Each server fails on one line that
 * names it and says why, with the documented exit code (3 when the only server fails, 4 when a batch finishes with
 * failures), no stack trace, and nothing changed or left behind: every file keeps its bytes, permissions and
 * modification time, and no temporary file, backup or journal appears.
 */
class MigrateWriteDeniedIT {

    /** Where --backup-dir points in the container. */
    private static final String BACKUPS = "/backups";

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"one server, /fleet/xmailcfg, 3", "the fleet,  /fleet,          4"})
    void writeWithoutPermissionFailsPerServerWithTheDocumentedCodeAndChangesNothing(
            String what, String input, int documentedCode) {
        Path fleet = LegacyFleet.write("migrate-denied/" + what.replace(' ', '-'));
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        CliRun run = InContainer.xmailkit("migrate", "--write", input)
                .writable(fleet, InContainer.FLEET)
                .user(otherUser(fleet))
                .readOnlyRootFs()
                .run();

        List<String> servers = input.equals(InContainer.FLEET) ? LegacyFleet.SERVERS : List.of(LegacyFleet.XMAILCFG);
        assertEquals(documentedCode, run.exitCode(), run::toString);
        assertEquals(servers.size() == 1 ? ExitCode.INPUT.code() : ExitCode.PARTIAL.code(), documentedCode);
        assertEquals(servers.size(), run.stderrLines().size(), run::toString);
        assertAll(servers.stream()
                .map(server -> () -> assertTrue(
                        run.stderrLines().stream().anyMatch(l -> l.startsWith(InContainer.FLEET + "/" + server)),
                        () -> server + "\n" + run)));
        PackagedCliIT.assertNoStackTrace(run);
        assertEquals(before, Fleets.snapshot(fleet), "the fleet changed, or something was left in it");
        assertEquals(List.of(), run.changes(), "container file system changes");
    }

    /**
     * The line says what went wrong, not only where: after the paths are taken out, words remain. (The file names
     * alone, as a bare AccessDeniedException gives them, leave the user guessing.)
     */
    @Test
    void theErrorSaysWhyTheServerWasNotWritten() {
        Path fleet = LegacyFleet.write("migrate-denied/why");

        CliRun run = InContainer.xmailkit("migrate", "--write", InContainer.FLEET + "/" + LegacyFleet.XMAILCFG)
                .writable(fleet, InContainer.FLEET)
                .user(otherUser(fleet))
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.INPUT.code(), run.exitCode(), run::toString);
        assertEquals(1, run.stderrLines().size(), run::toString);
        String line = run.stderrLines().get(0);
        String withoutPaths = line.replaceAll("/\\S*", "");
        assertTrue(withoutPaths.chars().filter(Character::isLetter).count() >= 6, () -> "no reason given: " + line);
    }

    /**
     * With --backup-dir on a writable mount the backups could be made, but the files still cannot be given their
     * owner back: refused before anything is replaced, and no backup or temporary file is left in either place (the
     * journal and the server's lock file stay in the backup directory).
     */
    @Test
    void writeWithABackupDirectoryLeavesNoBackupOrTemporaryFile() throws IOException {
        Path fleet = LegacyFleet.write("migrate-denied/backup-dir/fleet");
        Path backups = Fleets.fresh("migrate-denied/backup-dir/backups");
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxrwxrwx"));
        SortedMap<String, String> before = Fleets.snapshot(fleet);
        String user = otherUser(fleet);

        try {
            CliRun run = InContainer.xmailkit("migrate", "--write", "--backup-dir", BACKUPS, InContainer.FLEET)
                    .writable(fleet, InContainer.FLEET)
                    .writable(backups, BACKUPS)
                    .user(user)
                    .readOnlyRootFs()
                    .run();

            assertEquals(ExitCode.PARTIAL.code(), run.exitCode(), run::toString);
            // The 1.26 server has nothing to write (its DefaultSmtpPerms is left to decide): it needs no owner back.
            assertEquals(LegacyFleet.CHANGED_FOR_127.size(), run.stderrLines().size(), run::toString);
            for (String server : LegacyFleet.CHANGED_FOR_127) {
                assertTrue(
                        run.stderrLines().stream()
                                .anyMatch(l -> l.startsWith(InContainer.FLEET + "/" + server + "/server.tab: ")),
                        () -> server + "\n" + run);
            }
            PackagedCliIT.assertNoStackTrace(run);
            assertEquals(before, Fleets.snapshot(fleet), "the fleet changed, or something was left in it");
            List<String> left = files(backups).stream()
                    .filter(f -> !f.endsWith(".xmailkit-journal") && !f.endsWith(".xmailkit-lock"))
                    .toList();
            assertEquals(List.of(), left, "backups or temporary files left behind");
        } finally {
            // What the container's user created there can only be removed by that user.
            CliRun clean = InContainer.shell("rm -rf " + BACKUPS + "/*")
                    .writable(backups, BACKUPS)
                    .user(user)
                    .run();
            assertEquals(0, clean.exitCode(), clean::toString);
        }
    }

    /**
     * @return the image's own user, or another uid should the host user happen to have the same one: a user in the
     *         container who owns nothing in the fleet
     */
    private static String otherUser(Path fleet) {
        String uid = Fleets.owner(fleet).split(":")[0];
        assertNotEquals("0", XmailkitImage.UID);
        return uid.equals(XmailkitImage.UID) ? "10002:10002" : XmailkitImage.USER;
    }

    private static List<String> files(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            List<String> out = new ArrayList<>();
            for (Path p : all.toList()) {
                if (!Files.isDirectory(p)) {
                    out.add(root.relativize(p).toString());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
