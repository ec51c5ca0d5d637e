package org.xmailkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xmailkit.model.TextEncoding;

/**
 * The Windows launcher of the release (src/main/dist/bin/xmailkit.cmd), checked as text: no Windows runs in the
 * build, so these checks stand for a run. They hold it to what cmd.exe needs (CRLF line ends, ASCII outside the
 * Japanese messages, labels that exist) and to what the launcher promises (arguments and exit code passed
 * through, JAVA_HOME before PATH, the Java version checked, every message in English and Japanese).
 */
class WindowsLauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/dist/bin/xmailkit.cmd");

    private static byte[] bytes;
    /** The lines, decoded as code page 932 (ASCII and the Japanese messages). */
    private static List<String> lines;

    @BeforeAll
    static void read() throws IOException {
        bytes = Files.readAllBytes(LAUNCHER);
        String text;
        try {
            text = TextEncoding.WINDOWS_31J
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("xmailkit.cmd is not code page 932 text", e);
        }
        lines = List.of(text.split("\r\n", -1));
    }

    @Test
    void everyLineEndsWithCrLf() {
        assertTrue(bytes.length > 0 && bytes[bytes.length - 1] == '\n', "the file ends with a line end");
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "LF without CR at byte " + i);
            } else if (bytes[i] == '\r') {
                assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "CR without LF at byte " + i);
            }
        }
        assertEquals("", lines.get(lines.size() - 1), "text after the last line end");
    }

    /**
     * Non-ASCII text only in the Japanese messages, whose second bytes are never a backslash, caret or bar: should
     * cmd.exe ever read such a line in another code page, those bytes would be escapes and pipes.
     */
    @Test
    void japaneseOnlyInTheJapaneseMessagesAndSafeInAnyCodePage() {
        String label = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(":")) {
                label = line.substring(1);
            }
            if (!line.chars().allMatch(c -> c < 0x80)) {
                String where = "line " + (i + 1) + " (:" + label + "): " + line;
                assertTrue(label.endsWith("Ja"), "non-ASCII text outside a Japanese message, " + where);
                for (int k = 0; k < line.length(); k++) {
                    char c = line.charAt(k);
                    byte[] encoded = String.valueOf(c).getBytes(TextEncoding.WINDOWS_31J);
                    assertFalse(
                            encoded.length == 2 && "\\^|".indexOf(encoded[1]) >= 0,
                            "'" + c + "' ends in a byte cmd.exe treats specially, " + where);
                }
            }
        }
    }

    @Test
    void noUnixOnlyConstructs() {
        List<String> unix = List.of(
                "^#!",
                "\\$\\(",
                "\\$\\{",
                "`",
                "/dev/",
                "^\\s*export\\s",
                "^\\s*(fi|then|esac|done)\\b",
                "\\[\\s",
                "\\s\\]",
                "^\\s*\\.\\s",
                "~/",
                "\\bexec\\b",
                "\\bsource\\b",
                "/bin/",
                "/usr/",
                "\\s&&\\s",
                "\\s\\|\\|\\s",
                "2>/",
                ">/dev");
        List<String> found = new ArrayList<>();
        for (String line : code()) {
            for (String pattern : unix) {
                if (Pattern.compile(pattern).matcher(line).find()) {
                    found.add(pattern + " in: " + line);
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyJumpHasItsLabelAndNoLabelIsDefinedTwice() {
        Set<String> labels = new TreeSet<>();
        for (String line : lines) {
            if (line.startsWith(":")) {
                assertTrue(labels.add(line.substring(1).toLowerCase(Locale.ROOT)), "label defined twice: " + line);
            }
        }
        Pattern jump = Pattern.compile("(?i)\\b(?:goto\\s+:?|call\\s+:)(\\w+)");
        for (String line : code()) {
            Matcher m = jump.matcher(line);
            while (m.find()) {
                String target = m.group(1).toLowerCase(Locale.ROOT);
                assertTrue(target.equals("eof") || labels.contains(target), "no label :" + target + " for " + line);
            }
        }
    }

    /**
     * No parenthesised block spans lines, so a path with a parenthesis ("C:\Program Files (x86)") cannot close one
     * early; delayed expansion stays off, so that a '!' in an argument arrives as it was typed.
     */
    @Test
    void noBlocksAndNoDelayedExpansion() {
        for (String line : code()) {
            assertFalse(line.stripTrailing().endsWith("("), "a block opens: " + line);
            assertFalse(line.stripLeading().startsWith(")"), "a block closes: " + line);
            assertFalse(line.matches(".*![A-Za-z_]+!.*"), "delayed expansion: " + line);
        }
        assertTrue(code().contains("setlocal EnableExtensions DisableDelayedExpansion"), "setlocal");
    }

    /** A line continued with a caret never starts with a keyword, a variable or a space on its next line. */
    @Test
    void continuedLinesGoOnWithPlainText() {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).endsWith("^")) {
                String next = lines.get(i);
                assertFalse(
                        next.isEmpty()
                                || next.startsWith(" ")
                                || next.startsWith("%")
                                || next.startsWith("\"")
                                || next.matches("(?i)(if|for|set|goto|call|echo|exit)\\b.*"),
                        "continued with: " + next);
            }
        }
    }

    /** java.exe gets the options, the jar and every argument (%*); its exit code is the script's. */
    @Test
    void argumentsAndExitCodeArePassedThrough() {
        List<String> code = code();
        int run = code.indexOf(
                "\"%XMAILKIT_JAVA%\" -XX:TieredStopAtLevel=1 %XMAILKIT_JAVA_OPTS% -jar \"%XMAILKIT_JAR%\" %*");
        assertTrue(run > 0, "the java command line");
        assertEquals("set \"XMAILKIT_EXIT=%ERRORLEVEL%\"", code.get(run + 1));
        assertEquals("endlocal & exit /b %XMAILKIT_EXIT%", code.get(run + 2));
        assertEquals(1, code.stream().filter(l -> l.contains("%*")).count(), "%* elsewhere");
        for (String line : code) {
            assertFalse(line.matches("(?i).*\\bexit\\b(?!\\s+/b).*"), "exit without /b ends the caller's cmd: " + line);
        }
    }

    @Test
    void javaHomeComesBeforePathAndTheVersionIsChecked() {
        List<String> code = code();
        int home = code.indexOf("if not defined JAVA_HOME goto javaFromPath");
        int fromHome = code.indexOf("set \"XMAILKIT_JAVA=%JAVA_HOME%\\bin\\java.exe\"");
        int fromPath = code.indexOf("for %%i in (java.exe) do set \"XMAILKIT_JAVA=%%~$PATH:i\"");
        int check = code.indexOf("if %XMAILKIT_MAJOR% LSS %XMAILKIT_REQUIRED% goto oldJava");
        int run = code.indexOf(":run");
        assertTrue(
                0 < home && home < fromHome && fromHome < fromPath && fromPath < check && check < run,
                List.of(home, fromHome, fromPath, check, run).toString());
    }

    /** The required Java is the one the build compiles for, in both launchers. */
    @Test
    void bothLaunchersRequireTheJavaTheBuildCompilesFor() throws IOException {
        String release = System.getProperty("xmailkit.javaRelease");
        assertTrue(release != null && release.matches("\\d+"), "xmailkit.javaRelease " + release);
        assertTrue(code().contains("set \"XMAILKIT_REQUIRED=" + release + "\""), "xmailkit.cmd");
        assertTrue(
                Files.readAllLines(Path.of("src/main/dist/bin/xmailkit")).contains("required=" + release),
                "bin/xmailkit");
    }

    /** Each message is given in English and, when the console uses code page 932, in Japanese, then exits 127. */
    @Test
    void everyMessageIsInEnglishAndJapanese() {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">&2 echo ") && !labelAbove(i).endsWith("Ja")) {
                String label = labelAbove(i);
                messages.add(label);
                assertTrue(lines.contains("if \"%XMAILKIT_CP%\"==\"932\" goto " + label + "Ja"), label);
                int ja = lines.indexOf(":" + label + "Ja");
                assertTrue(ja > i, ":" + label + "Ja");
                assertTrue(
                        lines.get(ja + 1).startsWith(">&2 echo xmailkit: ")
                                && !lines.get(ja + 1).chars().allMatch(c -> c < 0x80),
                        "Japanese text of " + label);
            }
        }
        assertEquals(List.of("noJar", "badJavaHome", "noJava", "oldJava"), messages);
        assertTrue(code().contains("endlocal & exit /b 127"), "exit 127");
    }

    private static String labelAbove(int index) {
        for (int i = index; i >= 0; i--) {
            if (lines.get(i).startsWith(":")) {
                return lines.get(i).substring(1);
            }
        }
        throw new AssertionError("no label above line " + (index + 1));
    }

    /** @return the lines that are not comments, blank or the Japanese messages */
    private static List<String> code() {
        List<String> code = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()
                    && !trimmed.regionMatches(true, 0, "rem ", 0, 4)
                    && !trimmed.equalsIgnoreCase("rem")
                    && trimmed.chars().allMatch(c -> c < 0x80)) {
                code.add(line);
            }
        }
        return code;
    }
}
