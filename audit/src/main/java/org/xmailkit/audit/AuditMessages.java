package org.xmailkit.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.xmailkit.audit.startup.StartupMessages;
import org.xmailkit.model.Messages;
import org.xmailkit.model.Text;

/**
 * The audit module's texts: the engine's own bundle, then one bundle per rule group ({@link RuleGroup}), so that each
 * group's rules and messages live together; a key is looked up in each bundle in turn.
 */
public final class AuditMessages {

    /** The engine's own bundle (severities, waivers, rule outcomes). */
    public static final String ENGINE = "org.xmailkit.audit.messages";

    /** Every bundle of the module: the engine's, the rule groups' in catalogue order, the start-up model's. */
    public static final Messages MESSAGES = Messages.chain(sources());

    private AuditMessages() {}

    private static List<Messages> sources() {
        List<Messages> out = new ArrayList<>();
        out.add(Messages.of(ENGINE, AuditMessages.class));
        for (RuleGroup g : RuleGroup.values()) {
            out.add(Messages.of(g.bundle(), AuditMessages.class));
        }
        out.add(Messages.of(StartupMessages.BUNDLE, AuditMessages.class));
        return out;
    }

    /** @return the bundles' base names, in look-up order */
    public static List<String> bundles() {
        return MESSAGES.baseNames();
    }

    /**
     * @param key  a key of the audit bundles
     * @param args values
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
     * @throws MissingResourceException when no bundle has the key
     */
    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.get(locale, key, args);
    }

    /**
     * @param locale the language
     * @param key    the key
     * @return whether some bundle has it
     */
    public static boolean has(Locale locale, String key) {
        return MESSAGES.has(locale, key);
    }
}
