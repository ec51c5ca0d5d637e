package org.xmailkit.audit.startup;

import java.util.Locale;
import org.xmailkit.model.Messages;

/** The texts of the start-up model: what each option means, the issues, the origins. English and Japanese. */
public final class StartupMessages {

    /** The bundle. */
    public static final String BUNDLE = "org.xmailkit.audit.startup.messages";

    private static final Messages MESSAGES = Messages.of(BUNDLE, StartupMessages.class);

    private StartupMessages() {}

    /**
     * @param locale the language
     * @param key    the key
     * @param args   values
     * @return the text
     */
    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.get(locale, key, args);
    }

    /**
     * @param locale the language
     * @param key    the key
     * @return whether the bundle has it
     */
    public static boolean has(Locale locale, String key) {
        return MESSAGES.has(locale, key);
    }
}
