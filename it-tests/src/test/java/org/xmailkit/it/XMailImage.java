package org.xmailkit.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The image of one real XMail release (it-tests/src/test/docker/xmail/Dockerfile), built from an XMail source tree:
 * a folder holding the release's unmodified source tarball {@code xmail-VERSION.tar.gz}, its {@code build.sh} and
 * the compile patch that script applies (as {@code ../shared/xmail-1.27} next to the repository). The tag is a hash
 * of the Dockerfile and the tree, so an unchanged tree is built once per Docker engine, by whichever checkout needs
 * it first; later runs, in any checkout, find the tag and build nothing.
 */
final class XMailImage {

    /** The repository part of the image's name. */
    static final String REPOSITORY = "xmailkit-xmail";

    private static final Map<String, String> BUILT = new HashMap<>();
    private static final Map<String, RuntimeException> FAILED = new HashMap<>();

    private XMailImage() {}

    /**
     * Where the source tree of a release is: {@code -Dxmail.source=DIR} for 1.27, {@code -Dxmail.source.VERSION=DIR}
     * for the others, by default {@code ../shared/xmail-VERSION} next to the repository.
     *
     * @param version an XMail release, such as "1.27" or "1.26"
     * @return the folder (which may not exist)
     */
    static Path source(String version) {
        String property = "1.27".equals(version) ? "xmail.source" : "xmail.source." + version;
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        return Path.of(Release.property("xmailkit.shared"), "xmail-" + version)
                .toAbsolutePath()
                .normalize();
    }

    /**
     * @param version an XMail release
     * @return why its source tree cannot be used, with how to get one; empty when it can
     */
    static String missing(String version) {
        Path dir = source(version);
        if (Files.isRegularFile(dir.resolve("xmail-" + version + ".tar.gz"))
                && Files.isRegularFile(dir.resolve("build.sh"))) {
            return "";
        }
        String property = "1.27".equals(version) ? "xmail.source" : "xmail.source." + version;
        return "no XMail " + version + " source tree at " + dir + ": the real-XMail tests need a folder holding"
                + " xmail-" + version + ".tar.gz (the unmodified XMail " + version + " source, as in the"
                + " GerHobbelt/xmail repository on GitHub, packed with the prefix xmail-" + version + "/), the build.sh"
                + " that builds it with make -f Makefile.lnx and the patch build.sh applies (see ../shared/xmail-"
                + version + " next to the repository); give it with -D" + property + "=DIR";
    }

    /**
     * Builds the release's image on first use in this run unless the engine has it already (or fails the same way
     * every time after a failed build). Call {@link #missing} first.
     *
     * @param version an XMail release with a source tree
     * @return the image name
     */
    static synchronized String name(String version) {
        if (BUILT.containsKey(version)) {
            return BUILT.get(version);
        }
        if (FAILED.containsKey(version)) {
            throw FAILED.get(version);
        }
        try {
            String name = build(version);
            BUILT.put(version, name);
            return name;
        } catch (RuntimeException e) {
            FAILED.put(version, e);
            throw e;
        }
    }

    private static String build(String version) {
        Path dockerfile = Path.of(Release.property("xmailkit.xmail.dockerfile"));
        SortedMap<String, Path> context = new TreeMap<>();
        context.put("Dockerfile", dockerfile);
        try (Stream<Path> files = Files.list(source(version))) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .forEach(f -> context.put(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = REPOSITORY + ":" + version + "-" + DockerImages.hash(context);
        if (DockerImages.present(tag)) {
            return tag;
        }
        return DockerImages.build(tag, "xmail", context, null);
    }
}
