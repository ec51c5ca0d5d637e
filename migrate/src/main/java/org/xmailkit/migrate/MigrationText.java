package org.xmailkit.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text rendered later in either language: a key of the migrate bundle and its values. A value may itself be
 * {@link Localized} (e.g. an audit rule's title), rendered in the same language.
 *
 * @param key  the message key
 * @param args the values for {@code {0}}, {@code {1}}, ...: strings or {@link Localized}
 */
public record MigrationText(String key, List<Object> args) {

    /** A value that has its own text in each language. */
    @FunctionalInterface
    public interface Localized {
        /**
         * @param locale the language
         * @return the text in that language
         */
        String render(Locale locale);
    }

    public MigrationText {
        Objects.requireNonNull(key, "key");
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            copy.add(a instanceof Localized ? a : String.valueOf(a));
        }
        args = List.copyOf(copy);
    }

    /**
     * @param key  the key
     * @param args values; anything but {@link Localized} is converted with {@code String.valueOf}
     * @return the text
     */
    public static MigrationText of(String key, Object... args) {
        return new MigrationText(key, List.of(args.length == 0 ? new Object[0] : nonNull(args)));
    }

    private static Object[] nonNull(Object[] args) {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] == null ? "" : args[i];
        }
        return out;
    }

    /**
     * @param locale the language
     * @return the rendered text
     */
    public String render(Locale locale) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            Object a = args.get(i);
            values[i] = a instanceof Localized l ? l.render(locale) : a;
        }
        return MigrateMessages.get(locale, key, values);
    }
}
