package org.xmailkit.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

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

    /** A label on the images, to find older builds of them. */
    private static final String LABEL = "org.xmailkit.it";

    private static final Map<String, String> BUILT = new HashMap<>();
    private static final Map<String, RuntimeException> FAILED = new HashMap<>();

    private XmailkitImage() {
    }

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
        Prerequisites.require(dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
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
        Prerequisites.require(dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
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

    /** @return whether a Docker engine answers */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // An engine without a bridge network (as bin/test starts it) answers, but Testcontainers cannot
            // work out the host's address unless it is told.
            throw new IllegalStateException("Docker answers but Testcontainers cannot use it (" + e.getMessage()
                    + "); run the tests through bin/test, or set TESTCONTAINERS_HOST_OVERRIDE=localhost", e);
        }
    }

    private static String build(String repository, String target) {
        String tag = repository + ":" + checkout(Release.directory());
        ImageFromDockerfile image = new ImageFromDockerfile(tag, false)
                // The engine may have no bridge network; builds and containers use the host's.
                .withBuildImageCmdModifier(cmd -> cmd.withNetworkMode("host").withLabels(Map.of(LABEL, "image")));
        // The build context is the unpacked release, as for a user. (Given file by file rather than with
        // withDockerfile, which would try to pull the stage name "runtime" from a registry first.)
        try (Stream<Path> files = Files.list(Release.unpacked())) {
            files.forEach(f -> image.withFileFromPath(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (target != null) {
            image.withTarget(target);
        }
        for (String proxy : List.of("http_proxy", "https_proxy", "no_proxy")) {
            String value = System.getenv(proxy);
            if (value != null) {
                image.withBuildArg(proxy, value);
            }
        }
        long start = System.nanoTime();
        String name = image.get();
        System.out.printf("image %s built in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        removeOlderBuilds(DockerClientFactory.instance().client());
        return name;
    }

    /** @return a short name for the checkout the release was built in (a hash of its location) */
    private static String checkout(Path release) {
        try {
            byte[] where = release.toRealPath().toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(where)).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes earlier builds, untagged by later ones, unless a container (of another run) still uses them. */
    private static void removeOlderBuilds(DockerClient docker) {
        List<Image> dangling = docker.listImagesCmd().withDanglingFilter(true)
                .withLabelFilter(Map.of(LABEL, "image")).exec();
        for (Image old : dangling) {
            try {
                docker.removeImageCmd(old.getId()).exec();
            } catch (RuntimeException inUse) {
                // Still in use: a later run removes it.
            }
        }
    }

}
