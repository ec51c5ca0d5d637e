package org.xmailkit.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.Writer;
import org.xmailkit.model.Printable;

/**
 * The output format of the report templates: FreeMarker's HTML escaping of every interpolated value, after
 * {@link Printable} has made its control characters visible. An HTML page is written to a terminal as often as it
 * is opened in a browser ({@code audit -f html} prints to standard output), and a browser, too, obeys the
 * bidirectional controls that reorder a path or value on screen; so a page shows a hostile directory name or value
 * exactly as the text output does ({@code \x1B}, {@code \u202E}), and no raw control character reaches either.
 */
final class PrintableHtml extends CommonMarkupOutputFormat<PrintableHtml.Markup> {

    /** The one instance, set as the output format of every report template. */
    static final PrintableHtml INSTANCE = new PrintableHtml();

    private PrintableHtml() {}

    @Override
    public String getName() {
        return "xmailkit-HTML";
    }

    @Override
    public String getMimeType() {
        return HTMLOutputFormat.INSTANCE.getMimeType();
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException, TemplateModelException {
        HTMLOutputFormat.INSTANCE.output(Printable.of(textToEsc), out);
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return HTMLOutputFormat.INSTANCE.escapePlainText(Printable.of(plainTextContent));
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.isLegacyBuiltInBypassed(builtInName);
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    /** A piece of markup in this format (what {@code ?esc} and captured template output give). */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {

        Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public PrintableHtml getOutputFormat() {
            return INSTANCE;
        }
    }
}
