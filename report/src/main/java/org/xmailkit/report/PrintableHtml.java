package org.xmailkit.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
    public void output(String textToEsc, Writer out) throws IOException {
        escape(textToEsc, out);
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        StringWriter out = new StringWriter(plainTextContent.length() + 16);
        try {
            escape(plainTextContent, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes a text as {@link HTMLOutputFormat} writes what {@link Printable#of(String)} makes of it, in one pass:
     * each control character as Printable shows it (whose escapes hold no character HTML escapes), each of
     * {@code < > & " '} as HTML's entity, the runs between them as they are.
     */
    static void escape(String text, Writer out) throws IOException {
        int n = text.length();
        int written = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                String entity = entity(c);
                if (entity != null) {
                    out.write(text, written, i - written);
                    out.write(entity);
                    written = i + 1;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Printable.escaped(c)) {
                out.write(text, written, i - written);
                out.write(Printable.of(String.valueOf(c)));
                written = i + 1;
            }
        }
        out.write(text, written, n - written);
    }

    /** @return HTML's entity for a printable ASCII character, or null when it stands for itself */
    private static String entity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
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
