package org.xmailkit.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The release that cli's package phase made (cli/target/release): xmailkit-&lt;version&gt;.zip and .tar.gz,
 * SHA256SUMS and the Scoop manifest; the zip's entries and the tar.gz's, and the zip unpacked as an unzip tool
 * unpacks it (modes kept), once per test run.
 */
final class Release {

    private static Path unpacked;

    private Release() {}

    /** @return the project's version, which names the archives and which xmailkit reports */
    static String version() {
        return property("xmailkit.version");
    }

    /** @return the name of the archives' one top directory, xmailkit-&lt;version&gt; */
    static String base() {
        return "xmailkit-" + version();
    }

    /** @return the directory with the archives, SHA256SUMS and the Scoop manifest */
    static Path directory() {
        Path dir = Path.of(property("xmailkit.release"));
        if (!Files.isRegularFile(dir.resolve(base() + ".zip"))) {
            throw new IllegalStateException("no " + base() + ".zip in " + dir + " (run through mvn verify)");
        }
        return dir;
    }

    /** @return the zip */
    static Path zip() {
        return directory().resolve(base() + ".zip");
    }

    /** @return the tar.gz */
    static Path tarGz() {
        return directory().resolve(base() + ".tar.gz");
    }

    /**
     * @return the zip unpacked under target/it (in a directory whose name has a space), modes as the zip
     *         records them; its top directory, xmailkit-&lt;version&gt;
     */
    static synchronized Path unpacked() {
        if (unpacked != null) {
            return unpacked;
        }
        Path into = Fleets.fresh("release/unpacked zip");
        try (FileSystem zip = FileSystems.newFileSystem(zip(), Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> all = Files.walk(zip.getPath("/"))) {
            for (Path entry : all.toList()) {
                Path target = into.resolve(entry.toString().substring(1));
                Set<PosixFilePermission> mode = Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                        .readAttributes()
                        .permissions();
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                }
                Files.setPosixFilePermissions(target, mode);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        unpacked = into.resolve(base());
        return unpacked;
    }

    /**
     * One entry of an archive.
     *
     * @param directory whether it is a directory
     * @param mode      its permission bits, e.g. 0755
     * @param modified  its modification time
     * @param sha256    its content's SHA-256 (empty for a directory)
     */
    record Entry(boolean directory, int mode, Instant modified, String sha256) {}

    /** @return the zip's entries by name (directories end with '/') */
    static SortedMap<String, Entry> zipEntries() {
        SortedMap<String, Entry> out = new TreeMap<>();
        try (FileSystem zip = FileSystems.newFileSystem(zip(), Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> all = Files.walk(zip.getPath("/"))) {
            for (Path entry : all.toList()) {
                if (entry.toString().equals("/")) {
                    continue;
                }
                PosixFileAttributes attributes = Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                        .readAttributes();
                boolean dir = attributes.isDirectory();
                String name = entry.toString().substring(1);
                out.put(
                        dir && !name.endsWith("/") ? name + "/" : name,
                        new Entry(
                                dir,
                                mode(attributes.permissions()),
                                attributes.lastModifiedTime().toInstant(),
                                dir ? "" : Fleets.sha256(Files.readAllBytes(entry))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the tar.gz's entries by name (directories end with '/') */
    static SortedMap<String, Entry> tarEntries() {
        SortedMap<String, Entry> out = new TreeMap<>();
        try (InputStream file = Files.newInputStream(tarGz());
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                out.put(
                        e.getName(),
                        new Entry(
                                e.isDirectory(),
                                e.getMode() & 07777,
                                e.getLastModifiedTime().toInstant(),
                                e.isDirectory() ? "" : Fleets.sha256(tar.readAllBytes())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the time every entry carries: the build's project.build.outputTimestamp */
    static Instant timestamp() {
        return Instant.parse(property("xmailkit.timestamp"));
    }

    /** PosixFilePermission's constants are declared in the order of the mode bits, owner read first. */
    @SuppressWarnings("EnumOrdinal")
    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through mvn verify)");
        }
        return value;
    }
}
