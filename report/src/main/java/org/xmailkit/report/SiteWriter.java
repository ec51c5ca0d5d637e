package org.xmailkit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes the HTML site into an output directory: {@code servers/<id>.html} as each server completes, then
 * {@code index.html} and {@code rules.html}. The directory must be new, empty, or a previous xmailkit report (whose
 * server pages are replaced); anything else is refused so that no user file is overwritten.
 */
public final class SiteWriter {

    /** The directory of server pages inside the output directory. */
    public static final String SERVERS = "servers";

    private static final String GENERATOR = "<meta name=\"generator\" content=\"xmailkit";

    private final Path out;
    private final HtmlRenderer renderer;

    /**
     * @param out      the output directory
     * @param renderer the renderer
     * @throws IOException when the directory cannot be prepared
     * @throws IllegalArgumentException when it holds files that are not an xmailkit report
     */
    public SiteWriter(Path out, HtmlRenderer renderer) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        if (!usable(out)) {
            throw new IllegalArgumentException(out.toString());
        }
        Files.createDirectories(out.resolve(SERVERS));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(out.resolve(SERVERS), "*.html")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * @param dir a directory
     * @return whether a report may be written there: missing, empty, or holding a previous xmailkit report
     * @throws IOException when it cannot be read
     */
    public static boolean usable(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            if (!s.iterator().hasNext()) {
                return true;
            }
        }
        Path index = dir.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return false;
        }
        String head = new String(Files.readAllBytes(index), StandardCharsets.UTF_8);
        return head.contains(GENERATOR);
    }

    /** @return the output directory */
    public Path directory() {
        return out;
    }

    /**
     * @param page a server page
     * @return the file written
     * @throws IOException on write errors
     */
    public Path server(ServerReport page) throws IOException {
        Path p = out.resolve(SERVERS).resolve(page.id() + ".html");
        // Ids are safe file names (ServerIds); check anyway that the page lands where it belongs.
        if (!p.normalize().getParent().equals(out.resolve(SERVERS).normalize())) {
            throw new IllegalArgumentException("unsafe server id " + page.id());
        }
        try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            renderer.server(page, w);
        }
        return p;
    }

    /**
     * @param model the fleet model
     * @param rules the rule catalogue
     * @return {@code index.html}
     * @throws IOException on write errors
     */
    public Path finish(ReportModel model, RulesPage rules) throws IOException {
        try (Writer w = Files.newBufferedWriter(out.resolve("rules.html"), StandardCharsets.UTF_8)) {
            renderer.rules(rules, w);
        }
        Path index = out.resolve("index.html");
        try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
            renderer.fleet(model, w);
        }
        return index;
    }
}
