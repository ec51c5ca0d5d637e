package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmailkit.migrate.steps.Steps;
import org.xmailkit.migrate.testing.FixtureFleet;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.Reference;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.XMailVersion;

/**
 * The fixture fleet (src/test/resources/fleet, one legacy server per era) migrated to both targets: the expected
 * plans and diffs are the reviewed files under src/test/resources/fleet-expected; a rerun changes nothing; the
 * invariants hold. Run with {@code -Dxmailkit.updateGolden=true} to rewrite the expected files after a deliberate
 * change, then review the diff.
 */
class FleetTest {

    static final List<String> FIXTURES = FixtureFleet.FIXTURES;
    static final List<String> TARGETS = FixtureFleet.TARGETS;

    @TempDir
    Path tmp;

    static Stream<String[]> cases() {
        List<String[]> out = new ArrayList<>();
        for (String f : FIXTURES) {
            for (String t : TARGETS) {
                out.add(new String[] {f, t});
            }
        }
        return out.stream();
    }

    /** The source version each fixture was written for, from FLEET.tsv. */
    static String from(String fixture) {
        return FixtureFleet.from(fixture);
    }

    /** Copies a fixture MailRoot out of the class path into a directory of its own. */
    static Path copy(String fixture, Path into) throws IOException {
        return FixtureFleet.copy(fixture, into);
    }

    static MigrationOptions options(String fixture, String target) {
        return MigrationOptions.standard()
                .withTarget(XMailVersion.parse(target))
                .withFrom(Optional.of(XMailVersion.parse(from(fixture))));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("cases")
    void fleetMigratesAsReviewedAndARerunIsEmpty(String fixture, String target) throws Exception {
        Path root = copy(fixture, tmp);
        MigrationOptions options = options(fixture, target);
        Migrator migrator = new Migrator();

        MigrationResult r = migrator.migrate(MailRoot.open(root), options);

        assertGolden(fixture + "." + target + ".txt", render(fixture, r));
        Invariants.check(applied(root, options));
        assertTrue(r.changed(), "every legacy fixture needs something");

        for (FileResult f : r.files()) {
            Files.write(f.path(), f.after());
        }
        MigrationResult again = migrator.migrate(MailRoot.open(root), options);
        assertFalse(again.changed(), "a rerun writes nothing");
        assertEquals(List.of(), again.changes());
        assertEquals(List.of(), again.diff());
    }

    @ParameterizedTest(name = "{0} to {1}, source detected")
    @MethodSource("cases")
    void withADetectedSourceVersionTooARerunIsEmpty(String fixture, String target) throws Exception {
        Path root = copy(fixture, tmp);
        MigrationOptions options = MigrationOptions.standard().withTarget(XMailVersion.parse(target));
        Migrator migrator = new Migrator();

        MigrationResult r = migrator.migrate(MailRoot.open(root), options);
        // The audit over every fixture before and after: AuditedMigratorTest (report).
        Invariants.check(applied(root, options));
        for (FileResult f : r.files()) {
            Files.write(f.path(), f.after());
        }

        MigrationResult again = migrator.migrate(MailRoot.open(root), options);
        assertEquals(List.of(), again.changes());
        assertFalse(again.changed());
    }

    /** Note files the facts were gathered in; they are not part of the repository, so no step may cite them. */
    private static final List<String> UNPUBLISHED_NOTES = List.of(
            "history.md",
            "NOTES.md",
            "server-tab-variables.tsv",
            "mailroot-files.md",
            "ssl-tls.md",
            "xmailcfg.md",
            "server-tab-format.md");

    @Test
    void everyStepCitesSourcesAReaderCanOpen() {
        for (MigrationStep s : Steps.ALL) {
            assertFalse(s.facts().isEmpty(), s.id());
            for (Reference r : s.facts()) {
                assertFalse(UNPUBLISHED_NOTES.contains(r.source()), s.id() + " cites " + r.display());
            }
        }
    }

    private static MigrationPlan.Applied applied(Path root, MigrationOptions options) throws Exception {
        MailRoot m = MailRoot.open(root);
        return MigrationPlan.of(Migrator.source(m, options), options).apply(ServerFiles.read(m), f -> List.of());
    }

    /** The plan, the notes (in English) and the diffs, with paths relative to the MailRoot. */
    static String render(String fixture, MigrationResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# ")
                .append(fixture)
                .append(" -> ")
                .append(r.options().target())
                .append(", from ")
                .append(r.source().display())
                .append(", defaults ")
                .append(r.options().defaults().id())
                .append('\n');
        b.append("changes:\n");
        for (Change c : r.changes()) {
            b.append("  ")
                    .append(c.kind().id())
                    .append(' ')
                    .append(c.file().fileName())
                    .append(':')
                    .append(c.line())
                    .append(" [")
                    .append(c.stepId())
                    .append("] ")
                    .append(c.name());
            if (!c.newName().equals(c.name())) {
                b.append(" -> ").append(c.newName());
            }
            b.append(" | ")
                    .append(c.secret() ? "(secret)" : c.oldValue())
                    .append(" | ")
                    .append(c.newValue())
                    .append('\n');
            b.append("      ").append(c.reason().render(Locale.ENGLISH)).append('\n');
        }
        b.append("notes:\n");
        for (Note n : r.notes()) {
            b.append("  ")
                    .append(n.level().id())
                    .append(' ')
                    .append(n.file().fileName())
                    .append(':')
                    .append(n.line())
                    .append(" [")
                    .append(n.stepId())
                    .append("] ")
                    .append(n.text().render(Locale.ENGLISH))
                    .append('\n');
        }
        for (FileResult f : r.files()) {
            if (f.changed()) {
                String name = f.kind().fileName();
                b.append(String.join(
                                "\n",
                                UnifiedDiff.of(
                                        f.kind(),
                                        "a/" + name,
                                        "b/" + name,
                                        TabDocument.parse(f.before(), f.kind().format()),
                                        TabDocument.parse(f.after(), f.kind().format()),
                                        f.charset())))
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path source = Path.of("src/test/resources/fleet-expected", name);
        if (Boolean.getBoolean("xmailkit.updateGolden")) {
            Files.createDirectories(source.getParent());
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = FleetTest.class.getResourceAsStream("/fleet-expected/" + name)) {
            assertTrue(
                    in != null, "no expected file " + name + " (run with -Dxmailkit.updateGolden=true, then review)");
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
        }
    }
}
