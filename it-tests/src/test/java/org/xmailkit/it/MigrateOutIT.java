package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmailkit.cli.ExitCode;
import org.xmailkit.model.TextEncoding;

/**
 * {@code migrate --out} from a read-only copy of a fleet: the packaged jar in a container writes the same migrated
 * tree, byte for byte, as the migrator in this JVM, and the input stays exactly as it was (contents, permissions,
 * modification times). The container runs as the host user who owns the output, so that the tree can be removed
 * afterwards, with a read-only root file system, so that a write anywhere else would fail.
 */
class MigrateOutIT {

    private static final String OUT = "/out";

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.27", "1.27-localized"})
    void migratedCopyEqualsTheInProcessOneByteForByteAndTheInputIsUntouched(String target) throws Exception {
        Path fleet = LegacyFleet.write("migrate-out-" + target + "/fleet");
        Path containerOut = Fleets.fresh("migrate-out-" + target + "/container");
        Path localOut = Fleets.fresh("migrate-out-" + target + "/in-process");
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        CliRun run = InContainer.xmailkit("migrate", "--to", target, "--out", OUT, InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .writable(containerOut, OUT)
                .user(Fleets.owner(containerOut))
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertEquals(before, Fleets.snapshot(fleet), "the read-only input changed");

        CliRun local = InProcess.runIn(
                fleet.getParent(),
                UTF_8,
                Locale.ENGLISH,
                "migrate",
                "--to",
                target,
                "--out",
                localOut.toString(),
                fleet.toString());
        assertEquals(ExitCode.OK.code(), local.exitCode(), local::toString);
        assertEquals(before, Fleets.snapshot(fleet), "the input changed in process");

        SortedMap<String, byte[]> inContainer = Fleets.contents(containerOut);
        Fleets.assertSameContents(Fleets.contents(localOut), inContainer);

        // The same plan and diff on standard output, paths aside.
        assertEquals(
                local.stdout().replace(localOut.toString(), OUT).replace(fleet.toString(), InContainer.FLEET),
                run.stdout());

        assertTheCopyIsAMigration(Fleets.contents(fleet), inContainer, target);
    }

    /**
     * The copy holds every input file; the migrated ones changed in the expected places and kept their encoding and
     * line endings, the rest are the input's bytes. (Without this, two empty trees would pass the comparison.)
     */
    private static void assertTheCopyIsAMigration(
            SortedMap<String, byte[]> input, SortedMap<String, byte[]> copy, String target) {
        assertEquals(input.keySet(), copy.keySet(), "every MailRoot file is copied, nothing else is added");
        List<String> changed = input.keySet().stream()
                .filter(f -> !Arrays.equals(input.get(f), copy.get(f)))
                .toList();
        for (String server : LegacyFleet.SERVERS) {
            boolean expected = target.equals("1.27-localized") || LegacyFleet.CHANGED_FOR_127.contains(server);
            assertEquals(expected, changed.contains(server + "/server.tab"), () -> server + "/server.tab: " + changed);
            assertArrayEquals(
                    input.get(server + "/" + LegacyFleet.MESSAGE_FILE),
                    copy.get(server + "/" + LegacyFleet.MESSAGE_FILE));
            assertArrayEquals(
                    input.get(server + "/" + LegacyFleet.MAILPROC_FILE),
                    copy.get(server + "/" + LegacyFleet.MAILPROC_FILE));
        }
        assertTrue(
                changed.stream().allMatch(f -> f.endsWith("/server.tab") || f.endsWith("/smtpfwd.tab")),
                changed::toString);
        // 1.0 separated gateways with commas; 1.24 and later read semicolons.
        assertTrue(changed.contains("v1.0/smtpfwd.tab"), changed::toString);
        assertTrue(new String(copy.get("v1.0/smtpfwd.tab"), UTF_8)
                .contains("\"mx1.partner.example;mx2.partner.example\""));

        String xmailcfg = strictWindows31j(copy.get(LegacyFleet.XMAILCFG + "/server.tab"));
        assertTrue(xmailcfg.contains("\"SmtpMsgIPBanSpammers\"\t\"" + LegacyFleet.JAPANESE_REPLY + "\""), xmailcfg);
        assertFalse(xmailcfg.contains("SmtpMsgIPBanSpammres"), xmailcfg);
        assertFalse(xmailcfg.replace("\r\n", "").contains("\n"), "a line without CR in the XMailCFG server.tab");
        assertEquals(target.equals("1.27-localized"), xmailcfg.contains("\"SMTPLocalRule2\""), xmailcfg);
        String v122 = new String(copy.get("v1.22/server.tab"), UTF_8);
        assertFalse(v122.replace("\r\n", "").contains("\n"), "a line without CR in the 1.22 server.tab");
    }

    private static String strictWindows31j(byte[] bytes) {
        try {
            return TextEncoding.WINDOWS_31J
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("the migrated XMailCFG server.tab is not Windows-31J", e);
        }
    }
}
