package org.xmailkit.model;

import java.util.Locale;

/** A value that has its own text in each language, rendered when the reader's language is known. */
@FunctionalInterface
public interface Localized {

    /**
     * @param locale the language
     * @return the text in that language
     */
    String render(Locale locale);
}
