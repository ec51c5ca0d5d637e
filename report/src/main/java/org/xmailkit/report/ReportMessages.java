package org.xmailkit.report;

import java.util.Locale;
import java.util.MissingResourceException;
import org.xmailkit.audit.AuditMessages;
import org.xmailkit.model.Messages;

/**
 * The report's texts: its own bundle ({@code org.xmailkit.report.messages}, English and Japanese), then the audit
 * bundles for severity and category labels and rule texts.
 */
public final class ReportMessages {

    /** The report bundle's base name. */
    public static final String BUNDLE = "org.xmailkit.report.messages";

    private static final Messages OWN = Messages.of(BUNDLE, ReportMessages.class);

    private ReportMessages() {}

    /**
     * @param locale the language
     * @param key    the key
     * @param args   values for the placeholders
     * @return the text
     * @throws MissingResourceException when no bundle has the key
     */
    public static String get(Locale locale, String key, Object... args) {
        if (OWN.has(locale, key)) {
            return OWN.get(locale, key, args);
        }
        return AuditMessages.get(locale, key, args);
    }

    /**
     * @param locale the language
     * @param key    the key
     * @return whether a bundle has it
     */
    public static boolean has(Locale locale, String key) {
        return OWN.has(locale, key) || AuditMessages.has(locale, key);
    }
}
