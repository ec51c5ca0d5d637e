package org.xmailkit.report;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.concurrent.ConcurrentHashMap;
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

    // A page asks for the same few hundred texts over and over (every heading, every finding's labels): each key's
    // text is found in the bundles once per language, then only its placeholders are filled in. Only keys a bundle
    // has are kept, so these hold at most the bundles' keys.
    private static final Map<String, String> ENGLISH = new ConcurrentHashMap<>();
    private static final Map<String, String> JAPANESE = new ConcurrentHashMap<>();

    private ReportMessages() {}

    /**
     * @param locale the language
     * @param key    the key
     * @param args   values for the placeholders
     * @return the text
     * @throws MissingResourceException when no bundle has the key
     */
    public static String get(Locale locale, String key, Object... args) {
        Map<String, String> found = Messages.isJapanese(locale) ? JAPANESE : ENGLISH;
        String pattern = found.get(key);
        if (pattern == null) {
            // Without values a text is its pattern as the bundle holds it (Messages.format leaves it alone).
            pattern = OWN.has(locale, key) ? OWN.get(locale, key) : AuditMessages.get(locale, key);
            found.put(key, pattern);
        }
        return Messages.format(pattern, args);
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
