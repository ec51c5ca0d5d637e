package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xmailkit.audit.rules.cfg.NonAsciiReply;
import org.xmailkit.audit.rules.sec.OpenRelay;
import org.xmailkit.audit.rules.upg.RdnsCheckMeaning;
import org.xmailkit.cli.ExitCode;

/**
 * Read-only copies of production MailRoots: the fleet is mounted read-only and the container's root file system
 * is read-only too, so any write would fail; the run must succeed, and nothing may change.
 */
class ReadOnlyFleetIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per test, so that a missing engine shows as each test skipped (or failed in CI). */
    @BeforeEach
    void image() {
        XmailkitImage.name();
    }

    @Test
    void showJsonOnAReadOnlyFleetReportsEveryServerAndWritesNothing() throws Exception {
        Path fleet = ServerFleet.write("read-only-show");
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        CliRun run = InContainer.xmailkit("show", "--format", "json", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertEquals(before, Fleets.snapshot(fleet), "the fleet changed");

        Map<String, String> rootDomains = new LinkedHashMap<>();
        for (JsonNode server : JSON.readTree(run.stdout())) {
            rootDomains.put(server.get("path").asText(), value(server, "RootDomain"));
        }
        assertEquals(
                Map.of(
                        "/fleet/legacy/mx2/server.tab", "mx2.example.co.jp",
                        "/fleet/mx1/server.tab", "mx1.example.jp",
                        "/fleet/site-b/dc1/mx3/server.tab", "mx3.example.net"),
                rootDomains);

        String local = InProcess.run(UTF_8, Locale.ENGLISH, "show", "--format", "json", fleet.toString())
                .stdout();
        assertEquals(JSON.readTree(local.replace(fleet.toString(), InContainer.FLEET)), JSON.readTree(run.stdout()));
    }

    @Test
    void auditJsonOnAReadOnlyFleetFindsEachServersProblemAndWritesNothing() throws Exception {
        Path fleet = ServerFleet.write("read-only-audit");
        SortedMap<String, String> before = Fleets.snapshot(fleet);

        // Run from the fleet's directory, so that paths are shown relative to it.
        CliRun run = InContainer.xmailkit("audit", "--format", "json", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .workingDir(InContainer.FLEET)
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertEquals(before, Fleets.snapshot(fleet), "the fleet changed");

        JsonNode audit = JSON.readTree(run.stdout());
        assertEquals(3, audit.get("summary").get("audited").asInt(), run::toString);
        assertEquals(Release.version(), audit.get("tool").get("version").asText(), "the packaged jar's version");
        Map<String, Set<String>> rules = rulesByServer(audit);
        assertEquals(Set.of("legacy/mx2", "mx1", "site-b/dc1/mx3"), rules.keySet());
        assertAll(
                () -> assertTrue(rules.get("mx1").contains(OpenRelay.INFO.id()), () -> rules.get("mx1")
                        .toString()),
                () -> assertFalse(rules.get("legacy/mx2").contains(OpenRelay.INFO.id())),
                () -> assertTrue(rules.get("legacy/mx2").contains(NonAsciiReply.INFO.id())),
                () -> assertFalse(rules.get("mx1").contains(NonAsciiReply.INFO.id())),
                () -> assertTrue(rules.get("site-b/dc1/mx3").contains(RdnsCheckMeaning.INFO.id())),
                () -> assertFalse(rules.get("mx1").contains(RdnsCheckMeaning.INFO.id())));

        // The same findings, word for word, as the audit in this JVM, run from the fleet's directory too.
        CliRun local = InProcess.runIn(fleet, UTF_8, Locale.ENGLISH, "audit", "--format", "json", fleet.toString());
        assertEquals(
                comparable(JSON.readTree(local.stdout().replace(fleet.toString(), InContainer.FLEET))),
                comparable(audit));
    }

    /** A critical finding with --fail-on critical: the documented exit code 1, in the container too. */
    @Test
    void auditFailOnReachedExitsWithTheFindingsCode() {
        Path fleet = ServerFleet.write("read-only-fail-on");

        CliRun run = InContainer.xmailkit("audit", "--fail-on", "critical", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.FINDINGS.code(), run.exitCode(), run::toString);
        assertTrue(run.stdout().contains(OpenRelay.INFO.id()), run::toString);
    }

    /** The container's user may not read one server.tab: that server fails on one line, the others are audited. */
    @Test
    void auditWithAnUnreadableServerAuditsTheOthersAndExitsPartial() throws Exception {
        Path fleet = ServerFleet.write("read-only-unreadable");
        Files.setPosixFilePermissions(fleet.resolve("mx1/server.tab"), PosixFilePermissions.fromString("---------"));

        CliRun run = InContainer.xmailkit("audit", "--format", "json", InContainer.FLEET)
                .readOnly(fleet, InContainer.FLEET)
                .readOnlyRootFs()
                .run();

        assertEquals(ExitCode.PARTIAL.code(), run.exitCode(), run::toString);
        assertEquals(1, run.stderrLines().size(), run::toString);
        assertTrue(run.stderrLines().get(0).contains("mx1/server.tab"), run::toString);
        PackagedCliIT.assertNoStackTrace(run);
        JsonNode summary = JSON.readTree(run.stdout()).get("summary");
        assertEquals(2, summary.get("audited").asInt(), run::toString);
        assertEquals(1, summary.get("failed").asInt(), run::toString);
    }

    private static Map<String, Set<String>> rulesByServer(JsonNode audit) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode server : audit.get("servers")) {
            Set<String> ids = new TreeSet<>();
            server.get("findings").forEach(f -> ids.add(f.get("ruleId").asText()));
            out.put(server.get("path").asText(), ids);
        }
        return out;
    }

    /**
     * @param audit audit JSON
     * @return it without the time it was made
     */
    static JsonNode comparable(JsonNode audit) {
        ObjectNode copy = audit.deepCopy();
        copy.remove("generatedAt");
        return copy;
    }

    static String value(JsonNode server, String name) {
        for (JsonNode s : server.get("settings")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("value").asText();
            }
        }
        throw new AssertionError(name + " not in " + server);
    }
}
