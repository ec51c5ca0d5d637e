package org.xmailkit.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.xmailkit.model.MailRoot;
import org.xmailkit.model.XMailVersion;

/**
 * Running a migration a second time changes nothing: for small MailRoots drawn from every setting a step touches,
 * migration records among them (well-formed, forged or malformed), with and without smtpfwd.tab, for both targets,
 * both defaults policies, and with a source given with {@code --from} or detected. The second run reads the files
 * the first one wrote, as a rerun after an interruption would, and must leave every byte as it is.
 */
class SecondRunPropertiesTest {

    @Provide
    Arbitrary<Configs.Root> roots() {
        return Configs.roots();
    }

    @Provide
    Arbitrary<XMailVersion> sources() {
        return Arbitraries.of("0.54", "0.68", "1.0", "1.12", "1.22", "1.24", "1.25", "1.26", "1.27", "1.27-localized")
                .map(XMailVersion::parse);
    }

    /**
     * Every MailRoot is migrated with each combination of target, defaults policy and source (detected, and the
     * drawn {@code --from}): a rerun must be empty for all eight, not only for one drawn at random.
     */
    @Property
    void aSecondRunLeavesEveryByteTheFirstRunWrote(
            @ForAll("roots") Configs.Root root, @ForAll("sources") XMailVersion given) throws Exception {
        int changed = 0;
        for (XMailVersion target : List.of(XMailVersion.V1_27, XMailVersion.V1_27_LOCALIZED)) {
            for (DefaultsPolicy defaults : DefaultsPolicy.values()) {
                for (Optional<XMailVersion> from : List.of(Optional.<XMailVersion>empty(), Optional.of(given))) {
                    MigrationOptions options = MigrationOptions.standard()
                            .withTarget(target)
                            .withDefaults(defaults)
                            .withFrom(from);
                    changed += twice(root, options) ? 1 : 0;
                }
            }
        }
        // The generator must make the first run work, not only hand it files it leaves alone.
        Statistics.label("first runs that changed something, of 8").collect(changed >= 5 ? "5-8" : "0-4");
        Statistics.label("first runs that changed something, of 8")
                .coverage(c -> c.check("5-8").percentage(p -> p > 50.0));
        Statistics.label("smtpfwd.tab").collect(root.smtpFwd() != null);
        Statistics.label("smtpfwd.tab").coverage(c -> c.check(true).percentage(p -> p > 25.0));
    }

    /** Migrates the MailRoot, writes the result, migrates again; returns whether the first run changed anything. */
    private static boolean twice(Configs.Root root, MigrationOptions options) throws Exception {
        Path dir = Files.createTempDirectory("xmailkit-rerun");
        try {
            Files.write(dir.resolve("server.tab"), root.serverTab().bytes());
            if (root.smtpFwd() != null) {
                Files.write(dir.resolve("smtpfwd.tab"), root.smtpFwd().bytes());
            }
            Migrator migrator = new Migrator();

            MigrationResult first = migrator.migrate(MailRoot.open(dir), options);
            for (FileResult f : first.files()) {
                Files.write(f.path(), f.after());
            }
            MigrationResult second = migrator.migrate(MailRoot.open(dir), options);

            String what = "to " + options.target() + ", defaults "
                    + options.defaults().id() + ", from "
                    + options.from().map(XMailVersion::toString).orElse("(detected)") + "; first run from "
                    + first.source().display() + ", second from "
                    + second.source().display();
            assertEquals(List.of(), second.changes(), what);
            assertFalse(second.changed(), what);
            for (FileResult f : first.files()) {
                FileResult again = second.files().stream()
                        .filter(s -> s.path().equals(f.path()))
                        .findFirst()
                        .orElseThrow();
                assertArrayEquals(f.after(), again.after(), f.path().getFileName() + " " + what);
            }
            return first.changed();
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
