package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
                .readOnly(fleet, InContainer.FLEET).readOnlyRootFs().run();

        assertEquals(ExitCode.OK.code(), run.exitCode(), run::toString);
        assertEquals("", run.stderr());
        assertEquals(List.of(), run.changes(), "container file system changes");
        assertEquals(before, Fleets.snapshot(fleet), "the fleet changed");

        Map<String, String> rootDomains = new LinkedHashMap<>();
        for (JsonNode server : JSON.readTree(run.stdout())) {
            rootDomains.put(server.get("path").asText(), value(server, "RootDomain"));
        }
        assertEquals(Map.of(
                "/fleet/legacy/mx2/server.tab", "mx2.example.co.jp",
                "/fleet/mx1/server.tab", "mx1.example.jp",
                "/fleet/site-b/dc1/mx3/server.tab", "mx3.example.net"), rootDomains);

        String local = InProcess.run(UTF_8, Locale.ENGLISH, "show", "--format", "json", fleet.toString()).stdout();
        assertEquals(JSON.readTree(local.replace(fleet.toString(), InContainer.FLEET)), JSON.readTree(run.stdout()));
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
