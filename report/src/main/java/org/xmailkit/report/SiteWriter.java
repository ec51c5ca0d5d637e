package org.xmailkit.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.xmailkit.model.fs.SafeWriter;
import org.xmailkit.model.fs.WriteManifest;
import org.xmailkit.model.fs.WritePolicy;
import org.xmailkit.model.fs.WriteRefusedException;

/**
 * Writes the report into an output directory: {@code servers/<id>.html} as each server completes, then
 * {@code rules.html}, {@code index.html}, {@code report.json} and {@code report.sarif}, each listed in the directory's
 * {@link WriteManifest}. The directory must be new, empty, or hold an earlier report's manifest; then only the files
 * that manifest lists are replaced (and its server pages this report does not have deleted), links are never
 * followed, and anything else in the directory stays. Every file this run will write is checked before the first is
 * written.
 */
public final class SiteWriter {

    /** The directory of server pages inside the output directory. */
    public static final String SERVERS = "servers";
    /** The fleet page. */
    public static final String INDEX = "index.html";
    /** The rule catalogue. */
    public static final String RULES = "rules.html";

    private static final Pattern SERVER_PAGE = Pattern.compile(SERVERS + "/[A-Za-z0-9._-]+\\.html");

    /** The characters gathered before a page's text is encoded. */
    private static final int BUFFER = 32 * 1024;

    private final WriteManifest out;
    private final HtmlRenderer renderer;

    /**
     * @param out      the output directory, opened with {@link #directory}
     * @param renderer the renderer
     * @param ids      the ids of every server page this run will write
     * @throws WriteRefusedException when one of the files it will write may not be replaced
     * @throws IOException           when the directory cannot be read
     */
    public SiteWriter(WriteManifest out, HtmlRenderer renderer, List<String> ids) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        for (String id : ids) {
            out.check(page(id));
        }
        for (String name : List.of(INDEX, RULES, FleetReport.JSON, FleetReport.SARIF)) {
            out.check(name);
        }
    }

    /**
     * Opens an output directory for a report.
     *
     * @param dir    the directory
     * @param policy how files are written
     * @return the directory, with what earlier reports wrote there
     * @throws WriteRefusedException when it holds files xmailkit did not write, or an earlier report's files were
     *                               changed, or a link stands where the report goes
     * @throws IOException           when it cannot be read
     */
    public static WriteManifest directory(Path dir, WritePolicy policy) throws IOException {
        return WriteManifest.open(policy, dir, SiteWriter::reportFile);
    }

    /** The files a report writes: its pages and data files, and server pages with ids {@link ServerIds} makes. */
    static boolean reportFile(String name) {
        return name.equals(INDEX)
                || name.equals(RULES)
                || name.equals(FleetReport.JSON)
                || name.equals(FleetReport.SARIF)
                || SERVER_PAGE.matcher(name).matches();
    }

    private static String page(String id) {
        String name = SERVERS + "/" + id + ".html";
        // Ids are safe file names (ServerIds); check anyway that the page lands where it belongs.
        if (!SERVER_PAGE.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe server id " + id);
        }
        return name;
    }

    /** @return the output directory */
    public Path directory() {
        return out.directory();
    }

    /**
     * @param page a server page
     * @return the file written
     * @throws IOException on write errors
     */
    public Path server(ServerReport page) throws IOException {
        return html(page(page.id()), w -> renderer.server(page, w));
    }

    /**
     * Writes the rule catalogue and the fleet page.
     *
     * @param model the fleet model
     * @param rules the rule catalogue
     * @return {@code index.html}
     * @throws IOException on write errors
     */
    public Path finish(ReportModel model, RulesPage rules) throws IOException {
        html(RULES, w -> renderer.rules(rules, w));
        return html(INDEX, w -> renderer.fleet(model, w));
    }

    /**
     * Writes a data file ({@code report.json}, {@code report.sarif}).
     *
     * @param name    its name
     * @param content what to write
     * @throws IOException on write errors
     */
    public void data(String name, SafeWriter.Content content) throws IOException {
        out.write(name, content);
    }

    /**
     * Ends the report: deletes the earlier report's server pages this one does not have and writes the manifest.
     *
     * @throws IOException on write errors
     */
    public void close() throws IOException {
        out.finish();
    }

    private interface Page {
        void render(Writer w) throws IOException;
    }

    private Path html(String name, Page page) throws IOException {
        return out.write(name, stream -> {
            // A template writes many short pieces: they are gathered before the encoder sees them, not encoded one
            // by one.
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
            page.render(w);
            w.flush();
        });
    }
}
