package org.xmailkit.audit;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.xmailkit.model.Messages;

/**
 * The audit module's texts. They are split into one bundle per rule group (plus the engine's own) so that each
 * group's rules and messages live together; a key is looked up in each bundle in turn.
 */
public final class AuditMessages {

    /**
     * The bundles, engine first. The last, {@code extension}, is not shipped: it holds the texts of rules outside the
     * catalogue (the engine's tests define their own rules there); a missing bundle simply has no keys.
     */
    public static final List<String> BUNDLES = List.of(
            "org.xmailkit.audit.messages",
            "org.xmailkit.audit.rules.sec",
            "org.xmailkit.audit.rules.tls",
            "org.xmailkit.audit.rules.cfg",
            "org.xmailkit.audit.rules.upg",
            "org.xmailkit.audit.rules.opt",
            "org.xmailkit.audit.rules.net",
            "org.xmailkit.audit.startup.messages",
            "org.xmailkit.audit.extension");

    private static final List<Messages> SOURCES =
            BUNDLES.stream().map(b -> Messages.of(b, AuditMessages.class)).toList();

    private AuditMessages() {
    }

    /**
     * @param locale the language
     * @param key    the key
     * @param args   values
     * @return the text
     * @throws MissingResourceException when no bundle has the key
     */
    public static String get(Locale locale, String key, Object... args) {
        for (Messages m : SOURCES) {
            if (m.has(locale, key)) {
                return m.get(locale, key, args);
            }
        }
        throw new MissingResourceException("no audit message " + key, "AuditMessages", key);
    }

    /**
     * @param locale the language
     * @param key    the key
     * @return whether some bundle has it
     */
    public static boolean has(Locale locale, String key) {
        return SOURCES.stream().anyMatch(m -> m.has(locale, key));
    }
}
