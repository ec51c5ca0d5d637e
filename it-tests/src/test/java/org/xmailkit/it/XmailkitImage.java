package org.xmailkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The images of the release's Dockerfile, built from the unpacked release zip as a user builds them, once per
 * test run and shared by every test: the product ({@link #name()}) and its first stage, a Debian with nothing but
 * a Java 17 runtime and no bash ({@link #runtime()}). The images are kept after the run so that Docker's layer
 * cache keeps later builds to the release layers. Each checkout has its own tags, so that two checkouts testing
 * on one engine at the same time never run each other's build; a checkout's earlier build, untagged by the next
 * one, is removed then.
 */
final class XmailkitImage {

    /** The repository part of the product image's name. */
    static final String REPOSITORY = "xmailkit-it";

    /** The image's user (see the Dockerfile). */
    static final String USER = "xmailkit";

    /** That user's uid. */
    static final String UID = "10001";

    /** The Dockerfile's first stage: the Java runtime the product is built on. */
    static final String RUNTIME_STAGE = "runtime";

    private static final Map<String, String> BUILT = new HashMap<>();
    private static final Map<String, RuntimeException> FAILED = new HashMap<>();

    private XmailkitImage() {}

    /**
     * Builds the product image on first use (or fails the same way every time after a failed build).
     *
     * @return the image name
     */
    static String name() {
        return image(REPOSITORY, null);
    }

    /** @return the runtime stage's image: Debian, a Java 17 runtime, the Japanese locale, no bash */
    static String runtime() {
        return image(REPOSITORY + "-" + RUNTIME_STAGE, RUNTIME_STAGE);
    }

    /** @return the image the Dockerfile starts from, e.g. debian:bookworm-slim: no Java at all */
    static String base() {
        Prerequisites.require(
                DockerImages.dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
        try {
            for (String line : Files.readAllLines(Release.unpacked().resolve("Dockerfile"))) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].equalsIgnoreCase("FROM")) {
                    return words[1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no FROM in the release's Dockerfile");
    }

    private static synchronized String image(String repository, String target) {
        Prerequisites.require(
                DockerImages.dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
        if (BUILT.containsKey(repository)) {
            return BUILT.get(repository);
        }
        if (FAILED.containsKey(repository)) {
            throw FAILED.get(repository);
        }
        try {
            String name = build(repository, target);
            BUILT.put(repository, name);
            return name;
        } catch (RuntimeException e) {
            FAILED.put(repository, e);
            throw e;
        }
    }

    private static String build(String repository, String target) {
        String tag = repository + ":" + DockerImages.hash(realPath(Release.directory()));
        // The build context is the unpacked release, as for a user. (Given file by file rather than with
        // withDockerfile, which would try to pull the stage name "runtime" from a registry first.)
        Map<String, Path> context = new TreeMap<>();
        try (Stream<Path> files = Files.list(Release.unpacked())) {
            files.forEach(f -> context.put(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DockerImages.build(tag, "image", context, target);
    }

    /** @return where the release is, as the name of the checkout it was built in */
    private static String realPath(Path release) {
        try {
            return release.toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
