package org.xmailkit.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two builds of the same sources give the same release bytes. The second build is of a copy of the sources in
 * another directory, made now (new file times), with umask 077 and the clock in another time zone (UTC+14), by the
 * Maven that runs this build, offline against the same local repository; its zip, tar.gz, SHA256SUMS and Scoop
 * manifest must equal this build's byte for byte.
 */
class ReproducibleBuildIT {

    /** Build output and tool state left out of the copy. */
    private static final Set<String> NOT_SOURCES = Set.of(
            "target", ".git", ".idea", ".vscode", ".settings", "node_modules", "xmailkit-report", ".jqwik-database");

    @Test
    void aSecondBuildOfTheSameSourcesGivesTheSameReleaseBytes() throws Exception {
        Path source = Path.of(Release.property("xmailkit.source"));
        Path mvn = Path.of(Release.property("maven.home"), "bin", "mvn");
        assertTrue(Files.isExecutable(mvn), "no Maven at " + mvn);
        Path copy = Fleets.fresh("reproducible/second build").resolve("sources");
        copySources(source, copy);

        List<String> command = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                "umask 077 && exec \"$0\" \"$@\"",
                mvn.toString(),
                "-B",
                "-o",
                "-q",
                "-DskipTests",
                "-Dmaven.repo.local=" + Release.property("maven.repo.local"),
                "-pl",
                "cli",
                "-am",
                "package"));
        Path log = copy.resolveSibling("build.log");
        ProcessBuilder build = new ProcessBuilder(command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        build.environment().put("TZ", "Pacific/Kiritimati");
        build.environment().remove("MAVEN_ARGS");
        long start = System.nanoTime();
        Process p = build.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the second build took over 10 minutes; its log: " + log);
        }
        System.out.printf("second build of the sources in %.0f s%n", (System.nanoTime() - start) / 1e9);
        assertEquals(0, p.exitValue(), () -> "the second build failed; its log: " + log);

        Path first = Release.directory();
        Path second = copy.resolve("cli/target/release");
        List<String> names =
                List.of(Release.base() + ".zip", Release.base() + ".tar.gz", "SHA256SUMS", "xmailkit.json");
        assertAll(names.stream()
                .map(name -> () -> assertTrue(
                        Files.mismatch(first.resolve(name), second.resolve(name)) == -1,
                        () -> name + " differs between " + first + " and " + second
                                + " (after a change to the build's configuration, run mvn clean once)")));
    }

    private static void copySources(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (NOT_SOURCES.contains(dir.getFileName().toString()) && !dir.equals(from)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
