package org.xmailkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        Prerequisites.require(DockerImages.dockerAvailable(),
                "no Docker engine answers (bin/test starts one; or start Docker)");
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

    private static String build() {
        Path dockerfile = Path.of(property("xmailkit.dockerfile"));
        Path jar = Path.of(property("xmailkit.jar"));
        if (!Files.isRegularFile(dockerfile) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + dockerfile + " or " + jar + " (run through mvn verify)");
        }
        try {
            String tag = REPOSITORY + ":" + DockerImages.hash(dockerfile.toRealPath().toString());
            return DockerImages.build(tag, "xmailkit", Map.of("Dockerfile", dockerfile, "xmailkit.jar", jar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the project's version, which the packaged jar must report */
    static String projectVersion() {
        return property("xmailkit.version");
    }

    /**
     * @param name a system property the build sets for the tests
     * @return its value
     */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set (run through mvn verify)");
        }
        return value;
    }
}
