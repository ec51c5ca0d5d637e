package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectImageResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.xmailkit.cli.ExitCode;

/**
 * The container image as the README documents it: built from the release's own Dockerfile, it runs the release's
 * launcher as an unprivileged user in /data, writes nothing outside its mounts (so it runs with --read-only) and
 * prints the help when given no command.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @Test
    void theLauncherRunsAsAnUnprivilegedUserInData() {
        InspectImageResponse image = DockerClientFactory.instance()
                .client()
                .inspectImageCmd(XmailkitImage.name())
                .exec();
        assertAll(
                () -> assertEquals(
                        List.of("xmailkit"), List.of(image.getConfig().getEntrypoint())),
                () -> assertEquals(List.of("--help"), List.of(image.getConfig().getCmd())),
                () -> assertEquals("/data", image.getConfig().getWorkingDir()),
                () -> assertEquals(XmailkitImage.USER, image.getConfig().getUser()));

        CliRun run = InContainer.shell("command -v xmailkit; id -u; id -un; pwd; "
                        + "if test -w /opt/xmailkit/lib/xmailkit.jar; then echo writable; else echo read-only; fi; "
                        + "if command -v bash; then echo bash; fi")
                .run();

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.stdout().lines().toList();
        assertEquals(
                List.of("/opt/xmailkit/bin/xmailkit", XmailkitImage.UID, XmailkitImage.USER, "/data", "read-only"),
                lines);
    }

    @Test
    void withoutACommandItPrintsTheHelp() {
        CliRun run = InContainer.xmailkit().run();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals(InProcess.run(UTF_8, Locale.ENGLISH, "--help").stdout(), run.stdout());
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = InContainer.xmailkit("--version").readOnlyRootFs().run();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("xmailkit " + Release.version() + "\n", run.stdout());
    }

    /** The README's example: a fleet mounted read-only on /data, a read-only container, audit of ".". */
    @Test
    void auditsAReadOnlyMountInAReadOnlyContainer() throws Exception {
        Path fleet = ServerFleet.write("image-audit");
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        CliRun run = InContainer.xmailkit("audit", "--format", "json", ".")
                .readOnly(fleet, "/data")
                .readOnlyRootFs()
                .run();
        CliRun gate = InContainer.xmailkit("audit", "--fail-on", "critical", ".")
                .readOnly(fleet, "/data")
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertEquals(before, Fleets.snapshot(fleet), "the fleet changed");
        JsonNode audit = JSON.readTree(run.stdout());
        assertEquals(3, audit.get("summary").get("audited").asInt(), run::toString);
        assertEquals(Release.version(), audit.get("tool").get("version").asText());
        assertEquals(ExitCode.FINDINGS.code(), gate.exitCode(), gate::toString);
    }

    /** demo in a read-only container: the sample fleet goes to a tmpfs on /tmp, the report to the mounted /data. */
    @Test
    void demoRunsInAReadOnlyContainerWithATmpfs() throws Exception {
        Path data = Fleets.fresh("image-demo");

        CliRun run = InContainer.xmailkit("demo")
                .writable(data, "/data")
                .user(Fleets.owner(data))
                .tmpfs("/tmp")
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertTrue(run.stdout().contains("/data/xmailkit-report/index.html"), run::toString);
        String index = Files.readString(data.resolve("xmailkit-report/index.html"), UTF_8);
        assertTrue(index.startsWith("<!DOCTYPE html>") && index.contains("kobe"), index.substring(0, 200));
        try (Stream<Path> pages = Files.list(data.resolve("xmailkit-report/servers"))) {
            assertNotEquals(0, pages.count());
        }
    }
}
