package org.xmailkit.audit;

import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Text;

/** A waiver that cannot be used: a line of the waiver file without a reason, with an unknown rule, a bad date. */
public final class WaiverException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final transient Text text;

    /**
     * @param source the waiver file as shown to the user
     * @param line   1-based line
     * @param text   what is wrong
     */
    public WaiverException(String source, int line, Text text) {
        super(source + ":" + line + ": " + text.render(Locale.ENGLISH));
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.text = text;
    }

    /** @return the waiver file as shown to the user */
    public String source() {
        return source;
    }

    /** @return the 1-based line */
    public int line() {
        return line;
    }

    /** @return what is wrong */
    public Text text() {
        return text;
    }

    /**
     * @param locale the language
     * @return {@code file:line: message}
     */
    public String oneLine(Locale locale) {
        return source + ":" + line + ": " + text.render(locale);
    }
}
