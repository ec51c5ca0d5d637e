package org.xmailkit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xmailkit.audit.testing.TestRules;
import org.xmailkit.model.InputException;
import org.xmailkit.model.testing.MailRootFixture;

class FleetAuditorTest {

    @TempDir
    Path tmp;

    private Path server(String name, String serverTab) {
        return MailRootFixture.in(tmp.resolve(name)).serverTab(serverTab).write();
    }

    @Test
    void unreadableAndCrashingServersBecomeErrorEntriesAndTheRestGoOnInOrder() throws Exception {
        List<Path> servers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            servers.add(server(String.format("mail%02d", i), "\"Bad" + i + "\"\t\"1\"\n"));
        }
        Path binary = tmp.resolve("mail05/server.tab");
        Files.write(binary, new byte[] {0x7F, 'E', 'L', 'F', 0, 0, 0, 0});
        Files.writeString(tmp.resolve("mail09/server.tab"), "\"Crash\"\t\"1\"\n", StandardCharsets.UTF_8);
        servers.add(tmp.resolve("missing"));
        Set<String> seen = ConcurrentHashMap.newKeySet();

        FleetResult r = new FleetAuditor(new Auditor(TestRules.ALL), 3)
                .audit(
                        servers,
                        tmp,
                        AuditOptions.defaults(),
                        s -> seen.add(s.path().getFileName().toString()));

        assertEquals(servers, r.servers().stream().map(ServerAudit::path).toList(), "input order is kept");
        assertEquals(13, seen.size(), "progress told about every server");
        assertInstanceOf(ServerAudit.Unreadable.class, r.servers().get(5));
        assertEquals(
                InputException.Reason.BINARY,
                ((ServerAudit.Unreadable) r.servers().get(5)).error().reason());
        assertInstanceOf(ServerAudit.Crashed.class, r.servers().get(9));
        assertTrue(r.servers().get(9).failure(Locale.ENGLISH).contains("rule bug"));
        assertInstanceOf(ServerAudit.Unreadable.class, r.servers().get(12));
        assertEquals(10, r.audited().size());
        assertEquals(3, r.failed().size());
        assertTrue(r.incomplete());
        assertEquals(10, r.activeCounts().get(Severity.HIGH));
        assertEquals("mail05/server.tab", r.relative(binary));
    }

    @Test
    void parallelRunGivesTheSameResultAsASerialOne() {
        List<Path> servers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            servers.add(server("m" + i, "\"BadZ\"\t\"" + i + "\"\n\"BadA\"\t\"1\"\n"));
        }
        Collections.reverse(servers);
        Auditor auditor = new Auditor(TestRules.ALL);
        FleetResult serial = new FleetAuditor(auditor, 1).audit(servers, tmp, AuditOptions.defaults(), s -> {});
        FleetResult parallel = new FleetAuditor(auditor, 4).audit(servers, tmp, AuditOptions.defaults(), s -> {});
        assertEquals(messages(serial), messages(parallel));
        assertFalse(parallel.incomplete());
    }

    private static List<String> messages(FleetResult r) {
        return r.audited().stream()
                .flatMap(a -> a.findings().stream())
                .map(f -> f.location() + " " + f.message(Locale.ENGLISH))
                .toList();
    }

    @Test
    void waiverFileEntriesThatMatchNothingAreListedAsUnused() throws Exception {
        Path a = server("a", "\"BadA\"\t\"1\"\n");
        Auditor auditor = new Auditor(TestRules.ALL);
        Waivers w = Waivers.parse(
                "w.txt",
                "SEC-901 a/server.tab used\nSEC-901 zzz/server.tab never used\n".getBytes(StandardCharsets.UTF_8),
                auditor.ruleIds());
        FleetResult r = new FleetAuditor(auditor, 2)
                .audit(List.of(a), tmp, AuditOptions.defaults().withWaivers(w), s -> {});
        assertEquals(
                List.of("w.txt:2"),
                r.unusedWaivers().stream().map(Waivers.Waiver::source).toList());
    }

    @Test
    void scanRootIsTheWorkingDirectoryWhenItHoldsEveryInputElseTheCommonDirectory() {
        Path wd = tmp.resolve("work");
        assertEquals(wd, FleetAuditor.scanRoot(List.of(wd.resolve("fleet/a"), wd.resolve("b/server.tab")), wd));
        Path elsewhere = tmp.resolve("srv");
        assertEquals(elsewhere, FleetAuditor.scanRoot(List.of(elsewhere.resolve("x/a"), elsewhere.resolve("y/b")), wd));
        assertEquals(
                "../outside/server.tab".replace("../", ""),
                FleetResult.relative(tmp, tmp.resolve("outside/server.tab")));
        assertEquals(
                tmp.resolve("o").toAbsolutePath().toString().replace('\\', '/'),
                FleetResult.relative(wd, tmp.resolve("o")));
    }
}
