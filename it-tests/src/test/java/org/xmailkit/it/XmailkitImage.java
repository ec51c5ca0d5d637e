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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The xmailkit image (cli/src/main/docker/Dockerfile with the shaded jar), built once per test run and shared by
 * every test. The image is kept after the run so that Docker's layer cache keeps later builds to the jar layer.
 * Each checkout has its own tag, so that two checkouts testing on one engine at the same time never run each
 * other's build; a checkout's earlier build, untagged by the next one, is removed then.
 */
final class XmailkitImage {

    /** The repository part of the image's name. */
    static final String REPOSITORY = "xmailkit-it";

    /** The image's user (see the Dockerfile). */
    static final String USER = "xmailkit";

    /** That user's uid. */
    static final String UID = "10001";

    /** A label on the image, to find older builds of it. */
    private static final String LABEL = "org.xmailkit.it";

    private static String built;
    private static RuntimeException failed;

    private XmailkitImage() {
    }

    /**
     * Builds the image on first use (or fails the same way every time after a failed build).
     *
     * @return the image name
     */
    static synchronized String name() {
        Prerequisites.require(dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
        if (built != null) {
            return built;
        }
        if (failed != null) {
            throw failed;
        }
        try {
            built = build();
            return built;
        } catch (RuntimeException e) {
            failed = e;
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

    private static String build() {
        Path dockerfile = Path.of(property("xmailkit.dockerfile"));
        Path jar = Path.of(property("xmailkit.jar"));
        if (!Files.isRegularFile(dockerfile) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + dockerfile + " or " + jar + " (run through mvn verify)");
        }
        String tag = REPOSITORY + ":" + checkout(dockerfile);
        ImageFromDockerfile image = new ImageFromDockerfile(tag, false)
                .withFileFromPath("Dockerfile", dockerfile)
                .withFileFromPath("xmailkit.jar", jar)
                // The engine may have no bridge network; builds and containers use the host's.
                .withBuildImageCmdModifier(cmd -> cmd.withNetworkMode("host").withLabels(Map.of(LABEL, "image")));
        for (String proxy : List.of("http_proxy", "https_proxy", "no_proxy")) {
            String value = System.getenv(proxy);
            if (value != null) {
                image.withBuildArg(proxy, value);
            }
        }
        long start = System.nanoTime();
        String name = image.get();
        System.out.printf("xmailkit image %s built in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        removeOlderBuilds(DockerClientFactory.instance().client());
        return name;
    }

    /** @return a short name for the checkout the Dockerfile is in (a hash of its location) */
    private static String checkout(Path dockerfile) {
        try {
            byte[] where = dockerfile.toRealPath().toString().getBytes(StandardCharsets.UTF_8);
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

    /** @return the project's version, which the packaged jar must report */
    static String projectVersion() {
        return property("xmailkit.version");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through mvn verify)");
        }
        return value;
    }
}
