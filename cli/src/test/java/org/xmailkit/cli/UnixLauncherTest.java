package org.xmailkit.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Unix launcher of the release (src/main/dist/bin/xmailkit), run by /bin/sh in an installation laid out as
 * the archives lay it out, over a stand-in for Java: a script that answers {@code java -version} with the text it
 * is given and otherwise prints its own path and its arguments, one per line, and exits with the code it is told.
 * The launcher on a real Java runtime, in a container without bash, is tested in it-tests (DistributionIT).
 */
class UnixLauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/dist/bin/xmailkit");
    private static final String JAVA_17 = "openjdk version \"17.0.15\" 2025-04-15\n"
            + "OpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)\n";

    @TempDir
    Path tmp;

    /** The installation: a directory whose name has a space and Japanese, as users' folders do. */
    private Path home;
    /** A directory on no PATH, for the stand-in Javas. */
    private Path javas;

    @BeforeEach
    void install() throws IOException {
        home = Files.createDirectories(tmp.resolve("ツール 置き場/xmailkit-1.0"));
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(LAUNCHER, home.resolve("bin/xmailkit"));
        Files.write(home.resolve("lib/xmailkit.jar"), new byte[] {'P', 'K'});
        javas = Files.createDirectories(tmp.resolve("javas"));
    }

    @Test
    void runsTheJarOfItsInstallationWithEveryArgumentUnchanged() throws IOException {
        Path java = java("jdk", JAVA_17);
        List<String> args = List.of(
                "audit", "a b", "", "*", "$HOME", "'single'", "\"double\"", "日本語 の パス", "back\\slash", "--x=1  2", "-");
        Launch run = launch(Map.of("JAVA_HOME", java.getParent().getParent().toString()), args);

        List<String> expected = new ArrayList<>(List.of(
                "java=" + java,
                "<-XX:TieredStopAtLevel=1>",
                "<-jar>",
                "<" + home.toRealPath().resolve("lib/xmailkit.jar") + ">"));
        args.forEach(a -> expected.add("<" + a + ">"));
        assertEquals(0, run.exit(), run::toString);
        assertEquals(expected, run.out().lines().toList());
        assertEquals("", run.err());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 42})
    void passesJavasExitCodeThrough(int code) throws IOException {
        Path java = java("jdk", JAVA_17);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", java.getParent().getParent().toString());
        env.put("FAKE_JAVA_EXIT", Integer.toString(code));
        assertEquals(code, launch(env, List.of("--version")).exit());
    }

    @Test
    void javaHomeComesBeforePathAndPathIsUsedWithoutIt() throws IOException {
        Path fromHome = java("home-jdk", JAVA_17);
        Path fromPath = java("path-jdk", JAVA_17);
        String path = fromPath.getParent().toString();

        Launch both =
                launch(Map.of("JAVA_HOME", fromHome.getParent().getParent().toString(), "PATH", path), List.of());
        Launch pathOnly = launch(Map.of("PATH", path), List.of());

        assertEquals("java=" + fromHome, both.out().lines().findFirst().orElse(""), both::toString);
        assertEquals("java=" + fromPath, pathOnly.out().lines().findFirst().orElse(""), pathOnly::toString);
    }

    /**
     * XMAILKIT_JAVA_OPTS: split at spaces, after the launcher's own option (so that it can override it) and before
     * -jar, with no file name expansion of a star.
     */
    @Test
    void javaOptionsComeBeforeTheJarSplitAtSpaces() throws IOException {
        Path java = java("jdk", JAVA_17);
        Files.createFile(tmp.resolve("-Dglob=expanded"));
        Launch run = launch(
                Map.of(
                        "JAVA_HOME",
                        java.getParent().getParent().toString(),
                        "XMAILKIT_JAVA_OPTS",
                        " -Xmx64m  -Dglob=* "),
                List.of("vars"));
        assertEquals(
                List.of("java=" + java, "<-XX:TieredStopAtLevel=1>", "<-Xmx64m>", "<-Dglob=*>", "<-jar>"),
                run.out().lines().limit(5).toList(),
                run::toString);
    }

    /** A link in a PATH directory (absolute, then relative, then called by its bare name) still finds lib/. */
    @Test
    void findsItsInstallationThroughSymbolicLinks() throws IOException {
        Path java = java("jdk", JAVA_17);
        Path links = Files.createDirectories(tmp.resolve("usr local/bin"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.createSymbolicLink(other.resolve("xmailkit"), home.resolve("bin/xmailkit"));
        Files.createSymbolicLink(links.resolve("xmailkit"), Path.of("../../other/xmailkit"));
        Map<String, String> env =
                Map.of("JAVA_HOME", java.getParent().getParent().toString());
        String jar = "<" + home.toRealPath().resolve("lib/xmailkit.jar") + ">";

        Launch byPath =
                run(env, tmp, List.of("/bin/sh", links.resolve("xmailkit").toString(), "--version"));
        Launch byName = run(env, links, List.of("/bin/sh", "xmailkit", "--version"));

        // java=..., the launcher's option, -jar, then the jar
        assertEquals(jar, byPath.out().lines().skip(3).findFirst().orElse(""), byPath::toString);
        assertEquals(jar, byName.out().lines().skip(3).findFirst().orElse(""), byName::toString);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                JAVA_17,
                "openjdk version \"17\" 2021-09-14\n",
                "java version \"21.0.1\" 2023-10-17 LTS\n",
                "openjdk version \"25-ea\" 2025-09-16\n",
                "Picked up JAVA_TOOL_OPTIONS: -Dx=\"1.8\"\nopenjdk version \"17.0.2\" 2022-01-18\n",
                "a version text this launcher does not know\n"
            })
    void runsJava17AndLaterAndLeavesAnUnknownVersionToJava(String versionText) throws IOException {
        Path java = java("jdk", versionText);
        Launch run = launch(Map.of("JAVA_HOME", java.getParent().getParent().toString()), List.of("--version"));
        assertEquals(0, run.exit(), run::toString);
        assertEquals("java=" + java, run.out().lines().findFirst().orElse(""), run::toString);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "java version \"1.8.0_412\"\n",
                "openjdk version \"11.0.23\" 2024-04-16\n",
                "openjdk version \"16\" 2021-03-16\n"
            })
    void refusesJavaBefore17WithOneClearLine(String versionText) throws IOException {
        Path java = java("jdk", versionText);
        String version = versionText.replaceAll("(?s).*version \"([^\"]+)\".*", "$1");
        Launch run = launch(Map.of("JAVA_HOME", java.getParent().getParent().toString()), List.of("--version"));
        assertRefused(
                run,
                "xmailkit: xmailkit needs Java 17 or later, but " + java + " is Java " + version
                        + "; install Java 17 or later, or set JAVA_HOME to one");
    }

    @Test
    void saysItInJapaneseUnderAJapaneseLocale() throws IOException {
        Path java = java("jdk", "openjdk version \"11.0.23\" 2024-04-16\n");
        String javaHome = java.getParent().getParent().toString();

        Launch ja = launch(Map.of("JAVA_HOME", javaHome, "LANG", "ja_JP.UTF-8"), List.of());
        Launch overridden = launch(Map.of("JAVA_HOME", javaHome, "LANG", "ja_JP.UTF-8", "LC_ALL", "C"), List.of());
        Launch eucJp = launch(Map.of("JAVA_HOME", javaHome, "LANG", "ja_JP.eucJP"), List.of());

        assertRefused(
                ja,
                "xmailkit: xmailkit には Java 17 以降が必要ですが、" + java
                        + " は Java 11.0.23 です。Java 17 以降をインストールするか、JAVA_HOME を設定してください");
        assertTrue(overridden.err().startsWith("xmailkit: xmailkit needs Java 17"), overridden::toString);
        // Japanese only where the terminal takes UTF-8: the launcher's text is UTF-8.
        assertTrue(eucJp.err().startsWith("xmailkit: xmailkit needs Java 17"), eucJp::toString);
    }

    @Test
    void withoutAnyJavaSaysWhatToInstall() throws IOException {
        Path emptyPath = Files.createDirectories(tmp.resolve("empty-path"));
        Launch run = launch(Map.of("PATH", emptyPath.toString()), List.of("--version"));
        assertRefused(
                run,
                "xmailkit: xmailkit needs Java 17 or later, but JAVA_HOME is not set and there is no java "
                        + "on PATH; install a Java runtime (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME");
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws IOException {
        Path notJava = Files.createDirectories(tmp.resolve("not a jdk"));
        Launch run = launch(Map.of("JAVA_HOME", notJava.toString()), List.of());
        assertRefused(
                run,
                "xmailkit: JAVA_HOME is " + notJava + ", but it has no bin/java; set JAVA_HOME to a Java "
                        + "17 or later installation, or unset it to use java from PATH");
    }

    @Test
    void aJavaThatDoesNotStartIsReportedWithWhatItSaid() throws IOException {
        Path java = java("jdk", "Error: could not open `jvm.cfg'\nsecond line\n");
        Map<String, String> env =
                Map.of("JAVA_HOME", java.getParent().getParent().toString(), "FAKE_JAVA_VERSION_EXIT", "1");
        assertRefused(
                launch(env, List.of()),
                "xmailkit: " + java + " does not run (Error: could not open `jvm.cfg'); "
                        + "install Java 17 or later, or set JAVA_HOME to one");
    }

    @Test
    void anIncompleteInstallationIsReported() throws IOException {
        Path java = java("jdk", JAVA_17);
        Files.delete(home.resolve("lib/xmailkit.jar"));
        Launch run = launch(Map.of("JAVA_HOME", java.getParent().getParent().toString()), List.of());
        assertRefused(
                run,
                "xmailkit: " + home.toRealPath().resolve("lib/xmailkit.jar")
                        + " is missing; unpack the whole xmailkit archive again");
    }

    /** POSIX sh with LF line ends; none of the bash features that dash lacks. (dash runs it in DistributionIT.) */
    @Test
    void isPosixShellWithUnixLineEnds() throws IOException {
        byte[] bytes = Files.readAllBytes(LAUNCHER);
        String text = new String(bytes, UTF_8);
        assertTrue(text.startsWith("#!/bin/sh\n"), "shebang");
        assertFalse(text.contains("\r"), "CR in the launcher");
        List<String> bashisms = List.of(
                "\\[\\[",
                "(^|\\s)function\\s",
                "(^|\\s)local\\s",
                "\\$'",
                "<<<",
                "\\$\\{\\w+//",
                "\\$\\{\\w+:\\d",
                "(^|\\s)source\\s",
                "pipefail",
                "&>",
                "\\$RANDOM",
                "(^|\\s)declare\\s",
                "\\w+=\\(");
        List<String> found = new ArrayList<>();
        text.lines()
                .filter(l -> !l.stripLeading().startsWith("#"))
                .forEach(line -> bashisms.forEach(b -> {
                    if (Pattern.compile(b).matcher(line).find()) {
                        found.add(b + " in: " + line);
                    }
                }));
        assertEquals(List.of(), found);
    }

    private static void assertRefused(Launch run, String message) {
        assertAll(
                () -> assertEquals(127, run.exit(), run::toString),
                () -> assertEquals("", run.out(), run::toString),
                () -> assertEquals(List.of(message), run.err().lines().toList()));
    }

    /**
     * @param name        the stand-in's directory under {@link #javas}
     * @param versionText what it prints for {@code -version} (on standard error, as Java does)
     * @return its bin/java
     */
    private Path java(String name, String versionText) throws IOException {
        Path bin = Files.createDirectories(javas.resolve(name).resolve("bin"));
        Files.writeString(bin.resolve("version.txt"), versionText);
        Path java = bin.resolve("java");
        // Shell built-ins only: the tests give the launcher a PATH without the usual tools.
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = -version ]; then
                  while IFS= read -r line; do printf '%s\\n' "$line"; done < "${0%/*}/version.txt" >&2
                  exit "${FAKE_JAVA_VERSION_EXIT:-0}"
                fi
                printf 'java=%s\\n' "$0"
                for a in "$@"; do printf '<%s>\\n' "$a"; done
                exit "${FAKE_JAVA_EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    /** Runs the launcher of {@link #home} with these variables only (PATH: none of the stand-ins unless given). */
    private Launch launch(Map<String, String> env, List<String> args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of("/bin/sh", home.resolve("bin/xmailkit").toString()));
        command.addAll(args);
        return run(env, tmp, command);
    }

    private Launch run(Map<String, String> env, Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the launcher did not finish within 30 s: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Launch(p.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    }

    private record Launch(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
