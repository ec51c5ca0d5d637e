package org.xmailkit.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The xmailkit image (cli/src/main/docker/Dockerfile with the shaded jar), built once per test run and shared by
 * every test. Docker's layer cache keeps rebuilds to the jar layer. The tag is fixed and kept after the run, so
 * the cache survives; older builds of it, left untagged, are removed after each build.
 */
final class XmailkitImage {

    /** The tag of the image the tests build. */
    static final String NAME = "xmailkit-it:latest";

    /** A label on the image, to find older untagged builds of it. */
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
        ImageFromDockerfile image = new ImageFromDockerfile(NAME, false)
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

    private static void removeOlderBuilds(DockerClient docker) {
        List<Image> dangling = docker.listImagesCmd().withDanglingFilter(true)
                .withLabelFilter(Map.of(LABEL, "image")).exec();
        for (Image old : dangling) {
            try {
                docker.removeImageCmd(old.getId()).exec();
            } catch (RuntimeException inUse) {
                // Still used by a container of another run: the next build removes it.
            }
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through mvn verify)");
        }
        return value;
    }
}
