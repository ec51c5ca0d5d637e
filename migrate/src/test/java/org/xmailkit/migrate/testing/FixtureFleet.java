package org.xmailkit.migrate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xmailkit.model.MailRootFile;

/**
 * The fixture fleet on the test class path ({@code /fleet}, one legacy server per era, with {@code FLEET.tsv}
 * naming the version each was written for): the migration's golden tests use it, and report's tests audit it
 * before and after its migration.
 */
public final class FixtureFleet {

    /** The fixtures, oldest first. */
    public static final List<String> FIXTURES =
            List.of("v0.54", "v0.68", "v1.0", "v1.12", "v1.22", "v1.24", "v1.25", "v1.26", "xmailcfg");
    /** The migration targets. */
    public static final List<String> TARGETS = List.of("1.27", "1.27-localized");

    private FixtureFleet() {}

    /**
     * @param fixture a fixture
     * @return the source version it was written for, from FLEET.tsv
     */
    public static String from(String fixture) {
        try (InputStream in = FixtureFleet.class.getResourceAsStream("/fleet/FLEET.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t");
                if (f[0].equals(fixture)) {
                    return f[1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(fixture);
    }

    /**
     * Copies a fixture MailRoot out of the class path into a directory of its own.
     *
     * @param fixture a fixture
     * @param into    the parent directory
     * @return the MailRoot directory
     * @throws IOException when it cannot be written
     */
    public static Path copy(String fixture, Path into) throws IOException {
        Path dir = Files.createDirectories(into.resolve(fixture));
        for (MailRootFile k : MailRootFile.values()) {
            try (InputStream in = FixtureFleet.class.getResourceAsStream("/fleet/" + fixture + "/" + k.fileName())) {
                if (in != null) {
                    Files.write(dir.resolve(k.fileName()), in.readAllBytes());
                }
            }
        }
        try (InputStream in = FixtureFleet.class.getResourceAsStream("/fleet/" + fixture + "/domainadmin.tab")) {
            if (in != null) {
                Files.write(dir.resolve("domainadmin.tab"), in.readAllBytes());
            }
        }
        return dir;
    }
}
