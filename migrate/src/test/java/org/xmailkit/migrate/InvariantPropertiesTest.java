package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;
import org.xmailkit.model.version.VersionDetector;

/** The migration invariants over generated configurations, every source version, target and policy. */
class InvariantPropertiesTest {

    @Provide
    Arbitrary<Configs.Config> configs() {
        return Configs.configs();
    }

    @Provide
    Arbitrary<Optional<XMailVersion>> sources() {
        return Arbitraries.of("0.54", "0.68", "1.0", "1.12", "1.22", "1.24", "1.25", "1.26", "1.27")
                .map(v -> Optional.of(XMailVersion.parse(v)))
                .injectNull(0.2)
                .map(o -> o == null ? Optional.<XMailVersion>empty() : o);
    }

    @Provide
    Arbitrary<MigrationOptions> options() {
        return Combinators.combine(
                        Arbitraries.of(XMailVersion.V1_27, XMailVersion.V1_27_LOCALIZED),
                        Arbitraries.of(DefaultsPolicy.values()),
                        Arbitraries.of(Optional.<Boolean>empty(), Optional.of(true), Optional.of(false)))
                .as((t, d, r) -> MigrationOptions.standard()
                        .withTarget(t)
                        .withDefaults(d)
                        .withLocalRules(t.localized() ? r : Optional.empty(), Optional.empty()));
    }

    private static SourceVersion source(Optional<XMailVersion> from, ServerTab tab) {
        return from.map(SourceVersion::given).orElseGet(() -> new VersionDetector().detect(tab));
    }

    private static MigrationPlan.Applied migrate(ServerFiles files, Optional<XMailVersion> from, MigrationOptions o) {
        return MigrationPlan.of(source(from, files.serverTab()), o).apply(files, f -> List.of());
    }

    @Property
    void migratingAMigratedFileChangesNothing(
            @ForAll("configs") Configs.Config config,
            @ForAll("sources") Optional<XMailVersion> from,
            @ForAll("options") MigrationOptions options) {
        ServerFiles files = ServerFiles.of(ServerTab.parse(config.bytes()));
        MigrationPlan.Applied once = migrate(files, from, options);
        // The rerun reads the migrated bytes afresh, as a second xmailkit run would.
        ServerFiles reread =
                ServerFiles.of(ServerTab.parse(once.after().serverTab().toBytes()));
        MigrationPlan.Applied twice = migrate(reread, from, options);

        assertArrayEquals(
                once.after().serverTab().toBytes(), twice.after().serverTab().toBytes());
        assertEquals(List.of(), twice.changes());
    }

    @Property
    void untouchedLinesEncodingEndingsAndUnnamedValuesAreKept(
            @ForAll("configs") Configs.Config config,
            @ForAll("sources") Optional<XMailVersion> from,
            @ForAll("options") MigrationOptions options) {
        ServerFiles files = ServerFiles.of(ServerTab.parse(config.bytes()));
        MigrationPlan.Applied applied = migrate(files, from, options);

        Invariants.check(applied);
        for (Change c : applied.changes()) {
            assertEquals(MailRootFile.SERVER_TAB, c.file());
        }
        // The generator must exercise the steps, not only files they leave alone.
        Statistics.label("edited").collect(!applied.changes().isEmpty());
        Statistics.label("edited").coverage(c -> c.check(true).percentage(p -> p > 50.0));
        Statistics.label("renamed or removed")
                .collect(applied.changes().stream()
                        .anyMatch(c -> c.kind() == Change.Kind.RENAME || c.kind() == Change.Kind.REMOVE));
        Statistics.label("renamed or removed").coverage(c -> c.check(true).percentage(p -> p > 15.0));
    }
}
