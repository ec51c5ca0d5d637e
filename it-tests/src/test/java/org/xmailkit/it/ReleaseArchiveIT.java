package org.xmailkit.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The release files that cli's package phase made: the zip and the tar.gz (one directory xmailkit-&lt;version&gt;
 * with the launchers, the jar, LICENSE, NOTICE, the libraries' licenses, README, CHANGELOG, docs and the
 * Dockerfile; fixed modes and times), SHA256SUMS and the Scoop manifest; and the NOTICE against what the shaded jar
 * really holds, so that the two cannot drift apart.
 */
class ReleaseArchiveIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A library line of the NOTICE: its Maven coordinates. */
    private static final Pattern LIBRARY = Pattern.compile("^  ([\\w.-]+):([\\w.-]+):([\\w.-]+)$", Pattern.MULTILINE);

    @Test
    void bothArchivesHoldTheSameFilesWithTheSameModesUnderOneVersionedDirectory() {
        SortedMap<String, Release.Entry> zip = Release.zipEntries();
        SortedMap<String, Release.Entry> tar = Release.tarEntries();
        String top = Release.base() + "/";
        assertTrue(zip.keySet().stream().allMatch(name -> name.startsWith(top)), zip.keySet()::toString);
        assertTrue(tar.keySet().stream().allMatch(name -> name.startsWith(top)), tar.keySet()::toString);
        assertEquals(files(zip), files(tar));
        zip.forEach((name, entry) -> {
            if (tar.containsKey(name)) {
                assertEquals(entry.mode(), tar.get(name).mode(), name);
            }
        });
    }

    @Test
    void theArchiveHoldsTheLaunchersTheJarTheLicensesAndTheDocumentation() throws IOException {
        Path source = Path.of(Release.property("xmailkit.source"));
        Path unpacked = Release.unpacked();
        Map<String, Path> copies = new LinkedHashMap<>();
        copies.put("bin/xmailkit", source.resolve("cli/src/main/dist/bin/xmailkit"));
        copies.put("bin/xmailkit.cmd", source.resolve("cli/src/main/dist/bin/xmailkit.cmd"));
        copies.put("Dockerfile", source.resolve("cli/src/main/docker/Dockerfile"));
        copies.put("LICENSE", source.resolve("LICENSE"));
        copies.put("README.md", source.resolve("README.md"));
        copies.put("CHANGELOG.md", source.resolve("CHANGELOG.md"));
        try (Stream<Path> docs = Files.walk(source.resolve("docs"))) {
            docs.filter(Files::isRegularFile)
                    .forEach(d -> copies.put(source.relativize(d).toString(), d));
        }
        List<Runnable> checks = new ArrayList<>();
        copies.forEach((name, original) -> checks.add(() -> assertEquals(
                sha256(original), sha256(unpacked.resolve(name)), name + " is not a byte copy of " + original)));
        assertAll(checks.stream().map(c -> c::run));

        Set<String> top = new TreeSet<>();
        try (Stream<Path> entries = Files.list(unpacked)) {
            entries.forEach(p -> top.add(p.getFileName().toString()));
        }
        assertEquals(
                Set.of(
                        "bin",
                        "lib",
                        "docs",
                        "licenses",
                        "LICENSE",
                        "NOTICE",
                        "README.md",
                        "CHANGELOG.md",
                        "Dockerfile"),
                top);
        try (JarFile jar = new JarFile(unpacked.resolve("lib/xmailkit.jar").toFile())) {
            assertEquals(
                    "org.xmailkit.cli.Main",
                    jar.getManifest().getMainAttributes().getValue("Main-Class"));
            Properties version = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry("org/xmailkit/cli/version.properties"))) {
                version.load(in);
            }
            assertEquals(Release.version(), version.getProperty("version"));
        }
    }

    /** Modes are set, not inherited: the sh launcher and directories 755, all else 644; one fixed time. */
    @Test
    void modesAndTimesAreTheSameWhoeverBuildsThem() {
        LocalDateTime wallClock = LocalDateTime.ofInstant(Release.timestamp(), ZoneOffset.UTC);
        String launcher = Release.base() + "/bin/xmailkit";
        Release.zipEntries().forEach((name, e) -> {
            assertEquals(e.directory() || name.equals(launcher) ? 0755 : 0644, e.mode(), name);
            // A zip stores a wall-clock time without a zone, read here in this JVM's zone.
            assertEquals(wallClock, LocalDateTime.ofInstant(e.modified(), ZoneId.systemDefault()), name);
        });
        Release.tarEntries().forEach((name, e) -> {
            assertEquals(e.directory() || name.equals(launcher) ? 0755 : 0644, e.mode(), name);
            assertEquals(Release.timestamp(), e.modified(), name);
        });
    }

    /** SHA256SUMS in the format sha256sum -c reads: both archives, with their hashes. */
    @Test
    void sha256sumsListsBothArchives() throws IOException {
        List<String> lines = Files.readAllLines(Release.directory().resolve("SHA256SUMS"), UTF_8);
        assertEquals(
                List.of(
                        sha256(Release.zip()) + "  " + Release.base() + ".zip",
                        sha256(Release.tarGz()) + "  " + Release.base() + ".tar.gz"),
                lines);
    }

    @Test
    void theScoopManifestInstallsThisZipWithTheWindowsLauncher() throws IOException {
        JsonNode manifest =
                JSON.readTree(Release.directory().resolve("xmailkit.json").toFile());
        assertAll(
                () -> assertEquals(Release.version(), manifest.get("version").asText()),
                () -> assertEquals(sha256(Release.zip()), manifest.get("hash").asText()),
                () -> assertTrue(
                        manifest.get("url").asText().matches("https://.+/" + Pattern.quote(Release.base() + ".zip")),
                        manifest.get("url")::asText),
                () -> assertEquals(Release.base(), manifest.get("extract_dir").asText()),
                () -> assertEquals("bin\\xmailkit.cmd", manifest.get("bin").asText()),
                () -> assertEquals("Apache-2.0", manifest.get("license").asText()),
                () -> assertTrue(manifest.get("suggest").toString().contains("\"java/"), manifest::toString));
        // What the manifest points at is in the zip.
        String bin = manifest.get("extract_dir").asText() + "/"
                + manifest.get("bin").asText().replace('\\', '/');
        assertTrue(Release.zipEntries().containsKey(bin), bin);
    }

    @Test
    void licenseIsApache2AndNoticeSaysThereIsNoXMailCode() throws IOException {
        String license = Files.readString(Release.unpacked().resolve("LICENSE"), UTF_8);
        String notice = Files.readString(Release.unpacked().resolve("NOTICE"), UTF_8);
        assertTrue(license.strip().startsWith("Apache License\n                           Version 2.0, January 2004"));
        assertTrue(notice.contains("licensed under the Apache License, Version 2.0"), notice);
        assertTrue(
                notice.replace('\n', ' ')
                        .contains("it contains no XMail code. XMail is licensed under the GNU "
                                + "General Public License, version 2"),
                notice);
    }

    /**
     * The NOTICE lists exactly the libraries whose classes are in lib/xmailkit.jar: every class there outside
     * xmailkit's own comes from a listed library, and every class of a listed library is there.
     */
    @Test
    void noticeListsExactlyTheLibrariesInTheJar() throws IOException {
        Map<String, Path> libraries = libraries();
        assertTrue(libraries.size() > 5, libraries::toString);
        Set<String> shaded = classes(Release.unpacked().resolve("lib/xmailkit.jar"));
        Set<String> fromLibraries = new TreeSet<>();
        for (Map.Entry<String, Path> library : libraries.entrySet()) {
            Set<String> own = classes(library.getValue());
            assertFalse(own.isEmpty(), library.getKey());
            Set<String> missing = new TreeSet<>(own);
            missing.removeAll(shaded);
            assertEquals(Set.of(), missing, library.getKey() + " is listed, but these classes are not in the jar");
            fromLibraries.addAll(own);
        }
        Set<String> unlisted = new TreeSet<>(shaded);
        unlisted.removeAll(fromLibraries);
        unlisted.removeIf(c -> c.startsWith("org/xmailkit/"));
        assertEquals(Set.of(), unlisted, "classes in the jar from no library the NOTICE lists");
        String notice = Files.readString(Release.unpacked().resolve("NOTICE"), UTF_8);
        assertTrue(notice.contains("these " + libraries.size() + " libraries"), notice);
    }

    /**
     * Each library's license and notice files, as its jar ships them, are in licenses/&lt;artifact&gt;/; a library
     * under a license other than the Apache License 2.0 (which LICENSE holds) has its license text there.
     */
    @Test
    void everyLibrarysLicenseTextsAreInTheArchive() throws IOException {
        Path licenses = Release.unpacked().resolve("licenses");
        String notice = Files.readString(Release.unpacked().resolve("NOTICE"), UTF_8);
        for (Map.Entry<String, Path> library : libraries().entrySet()) {
            String artifact = library.getKey().split(":")[1];
            Path dir = licenses.resolve(artifact);
            try (JarFile jar = new JarFile(library.getValue().toFile())) {
                for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.matches("META-INF/([^/]*-)?(LICENSE|NOTICE)[^/]*")) {
                        byte[] shipped;
                        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                            shipped = in.readAllBytes();
                        }
                        Path copy = dir.resolve(name.substring("META-INF/".length()));
                        assertTrue(Files.isRegularFile(copy), copy + " for " + name + " of " + library.getKey());
                        assertEquals(Fleets.sha256(shipped), sha256(copy), copy.toString());
                    }
                }
            }
            int at = notice.indexOf("  " + library.getKey() + "\n");
            String license = notice.substring(at)
                    .lines()
                    .filter(l -> l.strip().startsWith("License: "))
                    .findFirst()
                    .orElseThrow()
                    .strip();
            if (!license.equals("License: Apache-2.0")) {
                assertTrue(
                        Files.isDirectory(dir) && nonEmpty(dir),
                        library.getKey() + " (" + license + ") has no license text in " + dir);
            }
        }
    }

    /** @return the libraries the NOTICE lists, as group:artifact:version, with their jars in the local repository */
    private static Map<String, Path> libraries() throws IOException {
        String notice = Files.readString(Release.unpacked().resolve("NOTICE"), UTF_8);
        Path repository = Path.of(Release.property("maven.repo.local"));
        Map<String, Path> libraries = new TreeMap<>();
        Matcher m = LIBRARY.matcher(notice);
        while (m.find()) {
            Path jar = repository
                    .resolve(m.group(1).replace('.', '/'))
                    .resolve(m.group(2))
                    .resolve(m.group(3))
                    .resolve(m.group(2) + "-" + m.group(3) + ".jar");
            assertTrue(Files.isRegularFile(jar), "no " + jar + " for " + m.group());
            libraries.put(m.group(1) + ":" + m.group(2) + ":" + m.group(3), jar);
        }
        return libraries;
    }

    /** @return the class files of a jar, module descriptors aside (the shaded jar leaves them out) */
    private static Set<String> classes(Path jar) {
        Set<String> classes = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                    .forEach(classes::add);
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedMap<String, String> files(SortedMap<String, Release.Entry> entries) {
        SortedMap<String, String> files = new TreeMap<>();
        entries.forEach((name, e) -> {
            if (!e.directory()) {
                files.put(name, e.sha256());
            }
        });
        return files;
    }

    private static boolean nonEmpty(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return Fleets.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
