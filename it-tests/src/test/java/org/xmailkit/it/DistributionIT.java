package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmailkit.cli.ExitCode;

/**
 * The release zip as a Linux administrator uses it: unpacked (modes as the zip records them) into a folder whose
 * name has a space and Japanese, and run with its bin/xmailkit in a clean container that has a Java 17 runtime
 * and nothing else: no JDK, no Maven, no bash (/bin/sh is dash). Every command works and its exit code comes
 * through; without Java, the launcher says so in one line and exits 127.
 */
class DistributionIT {

    /** Where the unpacked zip is mounted, read-only. */
    private static final String HOME = "/opt/ツール/xmailkit 試用";

    private static final String LAUNCHER = HOME + "/bin/xmailkit";
    /** An unprivileged user with no entry in /etc/passwd, as a service account may be. */
    private static final String NOBODY = "20001:20001";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.runtime();
    }

    @Test
    void theContainerHasAJava17RuntimeAndNoJdkMavenOrBash() {
        CliRun run = InContainer.shell("java -version 2>&1 | head -n 1; "
                        + "for c in javac jar mvn bash; do command -v $c; done; readlink -f /bin/sh; ls /bin/bash 2>&1")
                .image(XmailkitImage.runtime())
                .run();
        List<String> lines = run.stdout().lines().toList();
        assertAll(
                () -> assertTrue(lines.get(0).matches(".* version \"17[.\"].*"), lines.get(0)),
                () -> assertEquals("/usr/bin/dash", lines.get(1), run::toString),
                () -> assertTrue(lines.get(2).contains("No such file"), run::toString),
                () -> assertEquals(3, lines.size(), run::toString));
    }

    @Test
    void versionFromTheUnpackedZip() {
        CliRun run = unpacked("--version").readOnlyRootFs().run();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("xmailkit " + Release.version() + "\n", run.stdout());
        assertEquals("", run.stderr());
    }

    @Test
    void demoWritesItsReportIntoTheWorkingDirectory() throws Exception {
        Path work = Fleets.fresh("distribution-demo");

        CliRun run = unpacked("demo")
                .writable(work, "/work")
                .workingDir("/work")
                .user(Fleets.owner(work))
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("/work/xmailkit-report/index.html"), run::toString);
        assertTrue(Files.readString(work.resolve("xmailkit-report/index.html"), UTF_8)
                .startsWith("<!DOCTYPE html>"));
    }

    /** Each of the documented exit codes a run can end with comes through the launcher unchanged. */
    @Test
    void auditOfAMountedFleetPassesItsExitCodesThrough() throws Exception {
        Path fleet = ServerFleet.write("distribution-audit");
        String mounted = "/srv/メール サーバー";

        CliRun json = unpacked("audit", "--format", "json", mounted)
                .readOnly(fleet, mounted)
                .workingDir(mounted)
                .run();
        CliRun gate = unpacked("audit", "--fail-on", "critical", mounted)
                .readOnly(fleet, mounted)
                .run();
        CliRun usage = unpacked("audit", "--format", "yaml", mounted)
                .readOnly(fleet, mounted)
                .run();
        CliRun input =
                unpacked("audit", mounted + "/nowhere").readOnly(fleet, mounted).run();

        assertEquals(ExitCode.OK.code(), json.exitCode(), json::toString);
        JsonNode audit = JSON.readTree(json.stdout());
        CliRun local = InProcess.runIn(fleet, UTF_8, Locale.ENGLISH, "audit", "--format", "json", fleet.toString());
        assertEquals(
                ReadOnlyFleetIT.comparable(JSON.readTree(local.stdout().replace(fleet.toString(), mounted))),
                ReadOnlyFleetIT.comparable(audit));
        assertEquals(3, audit.get("summary").get("audited").asInt());
        assertAll(
                () -> assertEquals(ExitCode.FINDINGS.code(), gate.exitCode(), gate::toString),
                () -> assertEquals(ExitCode.USAGE.code(), usage.exitCode(), usage::toString),
                () -> assertEquals(ExitCode.INPUT.code(), input.exitCode(), input::toString),
                () -> assertEquals(1, input.stderrLines().size(), input::toString));
    }

    @Test
    void migrateOutWritesTheSameTreeAsTheModulesInProcess() throws Exception {
        Path fleet = LegacyFleet.write("distribution-migrate/fleet");
        Path out = Fleets.fresh("distribution-migrate/container");
        Path local = Fleets.fresh("distribution-migrate/in-process");
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        CliRun run = unpacked("migrate", "--out", "/out", "/fleet")
                .readOnly(fleet, "/fleet")
                .writable(out, "/out")
                .user(Fleets.owner(out))
                .run();
        CliRun inProcess = InProcess.run(UTF_8, Locale.ENGLISH, "migrate", "--out", local.toString(), fleet.toString());

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals(ExitCode.OK.code(), inProcess.exitCode(), inProcess::toString);
        assertEquals(before, Fleets.snapshot(fleet), "the input changed");
        SortedMap<String, byte[]> migrated = Fleets.contents(out);
        Fleets.assertSameContents(Fleets.contents(local), migrated);
        SortedMap<String, byte[]> input = Fleets.contents(fleet);
        for (String server : LegacyFleet.SERVERS) {
            assertEquals(
                    LegacyFleet.CHANGED_FOR_127.contains(server),
                    !Arrays.equals(input.get(server + "/server.tab"), migrated.get(server + "/server.tab")),
                    server + "/server.tab migrated or not");
        }
    }

    /** The tar.gz, unpacked in the container with tar, gives the same launcher, executable, and it runs. */
    @Test
    void theTarGzUnpacksWithTarAndRunsToo() {
        String script = "set -e; mkdir /tmp/x; tar -xzf /release/" + Release.base() + ".tar.gz -C /tmp/x; "
                + "stat -c %a /tmp/x/" + Release.base() + "/bin/xmailkit; /tmp/x/" + Release.base()
                + "/bin/xmailkit --version";
        CliRun run = InContainer.shell(script)
                .image(XmailkitImage.runtime())
                .env("LANG", "C.UTF-8")
                .readOnly(Release.directory(), "/release")
                .user(NOBODY)
                .run();
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(
                List.of("755", "xmailkit " + Release.version()),
                run.stdout().lines().toList());
    }

    /** A link on the PATH (as in /usr/local/bin) finds the installation; JAVA_HOME needs nothing on the PATH. */
    @Test
    void aLinkOnThePathAndJavaHomeWithAnEmptyPathBothWork() {
        String script = "mkdir /tmp/bin; ln -s '" + LAUNCHER + "' /tmp/bin/xmailkit; cd /; PATH=/tmp/bin:$PATH "
                + "xmailkit --version; java=$(readlink -f \"$(command -v java)\"); "
                + "JAVA_HOME=${java%/bin/java} PATH=/nonexistent '" + LAUNCHER + "' --version";
        CliRun run = InContainer.shell(script)
                .image(XmailkitImage.runtime())
                .env("LANG", "C.UTF-8")
                .readOnly(Release.unpacked(), HOME)
                .user(NOBODY)
                .run();
        assertEquals(0, run.exitCode(), run::toString);
        String version = "xmailkit " + Release.version();
        assertEquals(List.of(version, version), run.stdout().lines().toList());
    }

    /** On the Dockerfile's base image there is no Java at all. */
    @Test
    void withoutJavaTheLauncherSaysSoInOneLineAndExits127() {
        String base = XmailkitImage.base();
        CliRun en = InContainer.program(LAUNCHER, "--version")
                .image(base)
                .readOnly(Release.unpacked(), HOME)
                .user(NOBODY)
                .run();
        CliRun ja = InContainer.program(LAUNCHER, "--version")
                .image(base)
                .readOnly(Release.unpacked(), HOME)
                .env("LANG", "ja_JP.UTF-8")
                .user(NOBODY)
                .run();

        assertAll(
                () -> assertEquals(127, en.exitCode(), en::toString),
                () -> assertEquals("", en.stdout()),
                () -> assertEquals(
                        List.of("xmailkit: xmailkit needs Java 17 or later, but JAVA_HOME is not set and "
                                + "there is no java on PATH; install a Java runtime (e.g. apt-get install "
                                + "openjdk-17-jre-headless) or set JAVA_HOME"),
                        en.stderrLines()),
                () -> assertEquals(127, ja.exitCode(), ja::toString),
                () -> assertEquals(1, ja.stderrLines().size(), ja::toString),
                () -> assertTrue(ja.stderr().startsWith("xmailkit: xmailkit には Java 17 以降が必要ですが、"), ja::toString));
    }

    /** A run of the unpacked zip's launcher in the Java-only container, as an unprivileged user. */
    private static InContainer unpacked(String... args) {
        return InContainer.program(LAUNCHER, args)
                .image(XmailkitImage.runtime())
                .env("LANG", "C.UTF-8")
                .readOnly(Release.unpacked(), HOME)
                .user(NOBODY);
    }
}
