package org.xmailkit.migrate;

import java.util.Locale;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Text;

/** The migrate module's texts: {@code org/xmailkit/migrate/messages.properties} and its Japanese twin. */
public final class MigrateMessages {

    /** The bundle base name. */
    public static final String BUNDLE = "org.xmailkit.migrate.messages";

    /** The bundle. */
    public static final Messages MESSAGES = Messages.of(BUNDLE, MigrateMessages.class);

    private MigrateMessages() {}

    /**
     * @param key  a key of the migrate bundle
     * @param args values: strings, or texts rendered in the same language
     * @return the text, rendered later in the reader's language
     */
    public static Text text(String key, Object... args) {
        return MESSAGES.text(key, args);
    }

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
