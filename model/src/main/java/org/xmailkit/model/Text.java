package org.xmailkit.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A text rendered later in either language: a key of a module's bundles and its values. It is the one type for
 * everything an engine says before it knows the reader's language (findings, version evidence, migration changes
 * and notes); each module makes its texts with its own {@link Messages}.
 *
 * @param messages where the key is looked up
 * @param key      the message key
 * @param args     the values for {@code {0}}, {@code {1}}, ...: strings, or {@link Localized} values (a rule's
 *                 title, another text) rendered in the same language
 */
public record Text(Messages messages, String key, List<Object> args) implements Localized {

    public Text {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(key, "key");
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            copy.add(a instanceof Localized ? a : a == null ? "" : String.valueOf(a));
        }
        args = List.copyOf(copy);
    }

    /**
     * @param messages where the key is looked up
     * @param key      the key
     * @param args     values; anything but {@link Localized} is converted with {@code String.valueOf}, null to ""
     * @return the text
     */
    public static Text of(Messages messages, String key, Object... args) {
        return new Text(messages, key, Arrays.asList(args)); // the constructor copies, null as ""
    }

    /**
     * @param i a value's index
     * @return the value as a string ({@link Localized} values in English)
     */
    public String arg(int i) {
        Object a = args.get(i);
        return a instanceof Localized l ? l.render(Locale.ENGLISH) : (String) a;
    }

    /** @return every value as a string ({@link Localized} values in English), e.g. to compare two texts */
    public List<String> strings() {
        List<String> out = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            out.add(arg(i));
        }
        return out;
    }

    /**
     * @param map what to do with each string value (e.g. mask a secret); {@link Localized} values are kept
     * @return this text with the string values mapped
     */
    public Text mapStrings(UnaryOperator<String> map) {
        List<Object> out = new ArrayList<>(args.size());
        for (Object a : args) {
            out.add(a instanceof String s ? map.apply(s) : a);
        }
        return new Text(messages, key, out);
    }

    /**
     * @param locale the language
     * @return the rendered text
     */
    @Override
    public String render(Locale locale) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            Object a = args.get(i);
            values[i] = a instanceof Localized l ? l.render(locale) : a;
        }
        return messages.get(locale, key, values);
    }
}
