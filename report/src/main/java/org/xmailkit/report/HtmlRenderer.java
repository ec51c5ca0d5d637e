package org.xmailkit.report;

import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.xmailkit.model.Messages;
import org.xmailkit.model.fs.Spool;

/**
 * Renders the report pages with FreeMarker {@code .ftlh} templates, which escape every interpolated value for HTML
 * and show its control characters visibly ({@link PrintableHtml}; templates never use {@code ?no_esc}). Each page
 * carries its style and script inline and a Content Security Policy that allows exactly that style and script by hash
 * and nothing else: no network, no other script, no frames, so even a value that got past escaping could not run or
 * load anything. Thread-safe.
 */
public final class HtmlRenderer {

    /** Where the templates live on the class path. */
    static final String TEMPLATES = "/org/xmailkit/report/templates";

    private static final Configuration CONFIG = configuration();
    /** The page's Content Security Policy. */
    static final String CSP = "default-src 'none'; img-src data:; style-src " + hash("report.css") + "; script-src "
            + hash("report.js") + "; base-uri 'none'; form-action 'none'";

    private final Locale locale;
    private final ReportModel.Meta meta;

    /**
     * @param locale the report's language
     * @param meta   what the report was made with (shown in every footer)
     */
    public HtmlRenderer(Locale locale, ReportModel.Meta meta) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.meta = Objects.requireNonNull(meta, "meta");
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(HtmlRenderer.class, TEMPLATES);
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        // Every template is HTML (.ftlh), escaped by the one HTML format that also shows control characters.
        c.setRecognizeStandardFileExtensions(false);
        c.setOutputFormat(PrintableHtml.INSTANCE);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setLocalizedLookup(false);
        c.setNumberFormat("computer");
        c.setLocale(Locale.ROOT);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setObjectWrapper(ReportObjectWrapper.INSTANCE);
        return c;
    }

    /**
     * @param model the fleet model
     * @param out   where to write {@code index.html}
     * @throws IOException on write errors
     */
    public void fleet(ReportModel model, Writer out) throws IOException {
        render("index.ftlh", model, "", true, out);
    }

    /**
     * @param page a server page model
     * @param out  where to write {@code servers/<id>.html}
     * @throws IOException on write errors
     */
    public void server(ServerReport page, Writer out) throws IOException {
        render("server.ftlh", page, "../", true, out);
    }

    /**
     * @param page the rule catalogue
     * @param out  where to write {@code rules.html}
     * @throws IOException on write errors
     */
    public void rules(RulesPage page, Writer out) throws IOException {
        render("rules.ftlh", page, "", true, out);
    }

    /**
     * @param page     the fleet's totals
     * @param rows     every server's row of the table ({@link #auditRow}), in order
     * @param sections every server's section ({@link #auditSection}), in order
     * @param out      where to write the single page
     * @throws IOException on write errors
     */
    public void audit(AuditPage page, Spool rows, Spool sections, Writer out) throws IOException {
        render(
                "audit.ftlh",
                page,
                "",
                false,
                out,
                Map.of("rows", new Spooled(rows), "sections", new Spooled(sections)));
    }

    /**
     * @param page a server's findings
     * @param out  where to write its row of the table of {@code audit --format html}
     * @throws IOException on write errors
     */
    public void auditRow(ServerReport page, Writer out) throws IOException {
        render("audit-row.ftlh", page, "", false, out);
    }

    /**
     * @param page a server's findings
     * @param out  where to write its section of the page of {@code audit --format html}
     * @throws IOException on write errors
     */
    public void auditSection(ServerReport page, Writer out) throws IOException {
        render("audit-section.ftlh", page, "", false, out);
    }

    /**
     * @param page every host's observations and findings
     * @param out  where to write the single page
     * @throws IOException on write errors
     */
    public void probe(ProbePage page, Writer out) throws IOException {
        render("probe.ftlh", page, "", false, out);
    }

    private void render(String template, Object model, String base, boolean links, Writer out) throws IOException {
        render(template, model, base, links, out, Map.of());
    }

    private void render(
            String template, Object model, String base, boolean links, Writer out, Map<String, Object> parts)
            throws IOException {
        Map<String, Object> root = new HashMap<>(parts);
        root.put("m", model);
        root.put("msg", new MessageMethod(locale));
        root.put("lang", Messages.isJapanese(locale) ? "ja" : "en");
        root.put("base", base);
        root.put("links", links);
        root.put("csp", CSP);
        root.put("meta", meta);
        Template t = CONFIG.getTemplate(template);
        try {
            t.process(root, out);
        } catch (TemplateException e) {
            // A template error is a bug in xmailkit, never a problem of the input: report it loudly.
            throw new IllegalStateException("report template " + template + ": " + e.getMessage(), e);
        }
    }

    /** {@code 'sha256-...'} of a template resource, for the Content Security Policy. */
    private static String hash(String resource) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(TEMPLATES + "/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            byte[] text = in.readAllBytes();
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text);
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A part of a page rendered before, piece by piece, with the same templates (so escaped as they escape), copied
     * in where the directive stands ({@code <@rows/>}).
     */
    private record Spooled(Spool spool) implements TemplateDirectiveModel {
        @Override
        public void execute(
                Environment env,
                @SuppressWarnings("rawtypes") Map params,
                TemplateModel[] loopVars,
                TemplateDirectiveBody body)
                throws IOException {
            try (Reader r = new InputStreamReader(spool.read(), StandardCharsets.UTF_8)) {
                r.transferTo(env.getOut());
            }
        }
    }

    /** {@code msg(key, args...)} in templates: a text from the report bundles, escaped like any other value. */
    private static final class MessageMethod implements TemplateMethodModelEx {

        private final Locale locale;

        MessageMethod(Locale locale) {
            this.locale = locale;
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("msg needs a key");
            }
            String key = text((TemplateModel) arguments.get(0));
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = text((TemplateModel) arguments.get(i));
            }
            return ReportMessages.get(locale, key, args);
        }

        private static String text(TemplateModel m) throws TemplateModelException {
            if (m instanceof TemplateNumberModel n) {
                Number v = n.getAsNumber();
                return (v instanceof Double || v instanceof Float) ? v.toString() : Long.toString(v.longValue());
            }
            if (m instanceof TemplateScalarModel s) {
                return s.getAsString();
            }
            return String.valueOf(m);
        }
    }
}
