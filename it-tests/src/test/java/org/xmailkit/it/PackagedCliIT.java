package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmailkit.cli.ExitCode;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * The packaged xmailkit in the image behaves as the modules do in process: same output byte for byte, same exit
 * codes, one-line errors. (What the image itself is: ContainerImageIT.)
 */
class PackagedCliIT {

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @Test
    void helpFromTheEntryPointIsTheInProcessHelp() {
        CliRun container = InContainer.xmailkit("--help").run();
        CliRun local = InProcess.run(UTF_8, Locale.ENGLISH, "--help");
        assertEquals(ExitCode.OK.code(), container.exitCode(), container::toString);
        assertEquals(local.stdout(), container.stdout());
        assertTrue(container.stdout().contains("show") && container.stdout().contains("vars"), container::toString);
    }

    /** The catalogue and both message bundles made it into the shaded jar. */
    @ParameterizedTest
    @CsvSource({"C.UTF-8, en", "ja_JP.UTF-8, ja", "C, en"})
    void varsCatalogueMatchesInProcessUnderEachLocale(String lang, String language) {
        CliRun container = InContainer.xmailkit("vars").env("LANG", lang).run();
        CliRun local = InProcess.run(UTF_8, Locale.forLanguageTag(language), "vars");
        assertEquals(ExitCode.OK.code(), container.exitCode(), container::toString);
        assertTrue(container.stdout().lines().count() > 10, container::toString);
        assertArrayEquals(local.out(), container.out(), () -> "container:\n" + container + "\nin process:\n" + local);
        assertEquals("", container.stderr());
    }

    @Test
    void oneVariableInJapaneseMatchesInProcess() {
        CliRun container = InContainer.xmailkit("vars", "--lang", "ja", "SmtpMsgIPBanSpammers")
                .run();
        CliRun local = InProcess.run(UTF_8, Locale.ENGLISH, "vars", "--lang", "ja", "SmtpMsgIPBanSpammers");
        assertEquals(ExitCode.OK.code(), container.exitCode(), container::toString);
        assertEquals(local.stdout(), container.stdout());
    }

    @Test
    void unknownCommandIsAUsageErrorWithoutStackTrace() {
        CliRun run = InContainer.xmailkit("frobnicate").run();
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run::toString);
        assertEquals("", run.stdout());
        assertEquals(InProcess.run(UTF_8, Locale.ENGLISH, "frobnicate").stderr(), run.stderr());
        assertTrue(
                run.stderrLines().get(0).startsWith("xmailkit: ")
                        && run.stderr().contains("frobnicate"),
                run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void misspeltVariableIsAUsageErrorThatSuggestsTheName() {
        CliRun run = InContainer.xmailkit("vars", "RootDomian").run();
        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run::toString);
        assertTrue(run.stderrLines().get(0).contains("RootDomain"), run::toString);
        assertNoStackTrace(run);
    }

    @Test
    void missingPathIsAnInputErrorNamingIt() {
        CliRun run = InContainer.xmailkit("show", "/nowhere/server.tab").run();
        assertEquals(ExitCode.INPUT.code(), run.exitCode(), run::toString);
        assertEquals(1, run.stderrLines().size(), run::toString);
        assertTrue(run.stderrLines().get(0).startsWith("/nowhere/server.tab"), run::toString);
    }

    /** The container's user is not the files' owner: a real permission error, reported on one line. */
    @Test
    void unreadableServerTabIsAnInputErrorNamingTheFile() throws Exception {
        Path fleet = Fleets.fresh("unreadable");
        MailRootFixture.in(fleet.resolve("mx1"))
                .serverTab("\"RootDomain\"\t\"mx1.example.jp\"\n")
                .write();
        Fleets.readableByAll(fleet);
        Files.setPosixFilePermissions(fleet.resolve("mx1/server.tab"), PosixFilePermissions.fromString("---------"));

        CliRun run = InContainer.xmailkit("show", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .run();

        assertEquals(ExitCode.INPUT.code(), run.exitCode(), run::toString);
        assertEquals(1, run.stderrLines().size(), run::toString);
        assertTrue(run.stderrLines().get(0).startsWith(InContainer.FLEET + "/mx1/server.tab:"), run::toString);
        assertNoStackTrace(run);
    }

    /** A damaged file is still shown, its problems listed as path:line:column: message. */
    @Test
    void damagedServerTabListsItsProblemsWithPathAndLine() {
        Path fleet = Fleets.fresh("damaged");
        MailRootFixture.in(fleet.resolve("mx1"))
                .serverTab("\"RootDomain\"\t\"mx1.example.jp\"\n\"SmtpMaxRecipients\" \"100\"\n")
                .write();
        Fleets.readableByAll(fleet);

        CliRun run = InContainer.xmailkit("show", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertTrue(
                run.stdout().lines().anyMatch(l -> l.startsWith(InContainer.FLEET + "/mx1/server.tab:2:")),
                run::toString);
    }

    static void assertNoStackTrace(CliRun run) {
        assertFalse(run.stderr().contains("\tat ") || run.stderr().contains("Exception"), run::toString);
    }
}
