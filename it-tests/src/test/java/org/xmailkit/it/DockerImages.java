package org.xmailkit.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * How the end-to-end tests build their images: on the host's network (the engine may have no bridge), with the
 * proxy settings of the test's environment, labelled with their kind so that a kind's older builds can be found
 * and removed. Images are kept after the run, so that Docker's layer cache (or the tag itself, for a tag made
 * from a hash of the content) saves the next run the work.
 */
final class DockerImages {

    /** The label on every image the tests build; its value is the image's kind. */
    private static final String LABEL = "org.xmailkit.it";

    private DockerImages() {}

    /** @return whether a Docker engine answers (a clear error when it answers but Testcontainers cannot use it) */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            // An engine without a bridge network (as bin/test starts it) answers, but Testcontainers cannot
            // work out the host's address unless it is told.
            throw new IllegalStateException(
                    "Docker answers but Testcontainers cannot use it (" + e.getMessage()
                            + "); run the tests through bin/test, or set TESTCONTAINERS_HOST_OVERRIDE=localhost",
                    e);
        }
    }

    /**
     * @param tag an image name with its tag
     * @return whether the engine has that image
     */
    static boolean present(String tag) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Builds an image and removes the same kind's earlier builds that this build (or another) left untagged.
     *
     * @param tag     the image's name with its tag
     * @param kind    what the image is, the value of its label
     * @param context the build context: file name in the context to the file on this machine ("Dockerfile" too)
     * @param target  the stage to build, or null for the last one
     * @return the image name
     */
    @SuppressWarnings("FutureReturnValueIgnored") // ImageFromDockerfile's with-methods return the image itself
    static String build(String tag, String kind, Map<String, Path> context, String target) {
        ImageFromDockerfile image = new ImageFromDockerfile(tag, false)
                .withBuildImageCmdModifier(cmd -> cmd.withNetworkMode("host").withLabels(Map.of(LABEL, kind)));
        context.forEach(image::withFileFromPath);
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
        System.out.printf("built %s (%s) in %.1f s%n", name, kind, (System.nanoTime() - start) / 1e9);
        removeOlderBuilds(DockerClientFactory.instance().client(), kind);
        return name;
    }

    /** Removes a kind's builds that later ones untagged, unless a container (of another run) still uses them. */
    private static void removeOlderBuilds(DockerClient docker, String kind) {
        List<Image> dangling = docker.listImagesCmd()
                .withDanglingFilter(true)
                .withLabelFilter(Map.of(LABEL, kind))
                .exec();
        for (Image old : dangling) {
            try {
                docker.removeImageCmd(old.getId()).exec();
            } catch (RuntimeException inUse) {
                // Still in use: a later run removes it.
            }
        }
    }

    /**
     * @param parts an image's inputs: name to file
     * @return the first 12 hex digits of a SHA-256 over the names and the files' bytes
     */
    static String hash(SortedMap<String, Path> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> part : parts.entrySet()) {
                sha.update(part.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(part.getValue())));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param text any text, such as a checkout's location
     * @return the first 12 hex digits of its SHA-256
     */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
