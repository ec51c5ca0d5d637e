package org.xmailkit.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message to render later in either language: a key of the audit bundles and its values.
 *
 * @param key  the message key
 * @param args the values for {@code {0}}, {@code {1}}, ...
 */
public record Text(String key, List<String> args) {

    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /**
     * @param key  the key
     * @param args values (converted with {@code String.valueOf})
     * @return the text
     */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /**
     * @param locale the language
     * @return the rendered message
     */
    public String render(Locale locale) {
        return AuditMessages.get(locale, key, args.toArray());
    }
}
