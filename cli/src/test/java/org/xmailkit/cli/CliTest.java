package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void helpListsCommandsOptionsAndExitCodes() {
        Run r = Run.of("--help");
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().startsWith("Usage: xmailkit <command>"), r.out());
        assertTrue(r.out().contains("  show "));
        assertTrue(r.out().contains("  vars "));
        for (ExitCode c : ExitCode.values()) {
            assertTrue(r.out().contains("  " + c.code() + "  "), c.name());
        }
        assertEquals("", r.err());
    }

    @Test
    void helpIsAvailableInJapanese() {
        Run r = Run.of("--lang", "ja", "--help");
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().startsWith("使い方: xmailkit"), r.out());
        assertTrue(r.out().contains("終了コード:"));
    }

    @Test
    void commandHelpIsGeneratedFromItsOptions() {
        Run r = Run.of("show", "--help");
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().contains("Usage: xmailkit show [options] PATH..."));
        assertTrue(r.out().contains("-a, --all"));
        assertTrue(r.out().contains("-f, --format text|json"));
        assertTrue(r.out().contains("-l, --lang ja|en"));
        assertEquals(r.out(), Run.of("help", "show").out());
        assertTrue(Run.of("vars", "-h", "--lang", "ja").out().contains("出力形式"));
    }

    /** The version is the Maven project's (the build passes it to the tests too), in classes as in the jar. */
    @Test
    void versionIsTheProjectVersion() {
        String project = System.getProperty("xmailkit.version");
        assertTrue(project != null && project.matches("\\d+\\.\\d+\\.\\d+\\S*"), "xmailkit.version " + project);
        assertEquals(project, Cli.version());
        Run r = Run.of("--version");
        assertEquals(ExitCode.OK, r.exit());
        assertEquals("xmailkit " + project + "\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void anUnknownCommandIsAUsageErrorOnOneLinePlusAHint() {
        Run r = Run.of("frobnicate");
        assertEquals(ExitCode.USAGE, r.exit());
        assertEquals(
                "xmailkit: unknown command 'frobnicate'\nRun 'xmailkit --help' for usage.\n",
                r.err().replace("\r\n", "\n"));
        assertEquals("", r.out());
    }

    @Test
    void noArgumentsPrintsUsageToStandardError() {
        Run r = Run.of();
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("Usage:"));
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        Run r = Run.of("show", "--bogus", ".");
        assertEquals(ExitCode.USAGE, r.exit());
        assertTrue(r.err().startsWith("xmailkit: unknown option --bogus"), r.err());
        assertTrue(r.err().contains("Run 'xmailkit show --help' for usage."));
        assertFalse(r.traced());
        Run missing = Run.of("show", ".", "--format");
        assertEquals(ExitCode.USAGE, missing.exit());
        assertTrue(missing.err().contains("--format"), missing.err());
        Run before = Run.of("--bogus", "show");
        assertEquals(ExitCode.USAGE, before.exit());
        Run ja = Run.of("--lang", "ja", "show", "--bogus");
        assertTrue(ja.err().startsWith("xmailkit: 不明なオプションです: --bogus"), ja.err());
    }

    @Test
    void optionsMayComeBeforeTheCommand() {
        Run r = Run.of("--lang", "ja", "vars", "RootDomain");
        assertEquals(ExitCode.OK, r.exit());
        assertTrue(r.out().contains("ルートドメイン"));
    }

    @Test
    void everyCommandHasASummaryInJapanese() {
        for (Command c : new Cli().commands()) {
            assertFalse(CommandContext.message(Locale.JAPANESE, "cmd." + c.name() + ".summary")
                    .isBlank());
        }
    }

    @Test
    void noShortOptionHasTwoMeaningsAndASharedOptionReadsTheSameEverywhere() {
        Map<String, String> shortNames = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (Command c : new Cli().commands()) {
            for (Option o :
                    Cli.withCommon(c.options(Locale.ENGLISH), Locale.ENGLISH).getOptions()) {
                if (o.getOpt() != null) {
                    String before = shortNames.putIfAbsent(o.getOpt(), o.getLongOpt());
                    assertTrue(
                            before == null || before.equals(o.getLongOpt()),
                            "-" + o.getOpt() + " means --" + before + " and --" + o.getLongOpt() + " (" + c.name()
                                    + ")");
                }
                String d = descriptions.putIfAbsent(o.getLongOpt(), o.getDescription());
                if (List.of("to", "from", "profile", "waivers").contains(o.getLongOpt())) {
                    assertTrue(d == null || d.equals(o.getDescription()), "--" + o.getLongOpt() + " in " + c.name());
                }
            }
        }
        assertEquals("write", shortNames.get("w"), "-w is --write, and only that");
    }
}
