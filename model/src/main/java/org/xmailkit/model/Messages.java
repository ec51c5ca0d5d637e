package org.xmailkit.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User-facing text in English and Japanese, from a module's {@code messages.properties} and
 * {@code messages_ja.properties} (UTF-8), or from several such bundles looked up in turn ({@link #chain}).
 * Placeholders are {@code {0}}, {@code {1}}, ...; nothing else is special, so apostrophes need no escaping.
 */
public final class Messages {

    /** The languages every text exists in. */
    public static final Set<Locale> LANGUAGES = Set.of(Locale.ENGLISH, Locale.JAPANESE);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String baseName;
    private final ClassLoader loader;
    /** The bundles looked up in turn, for a chain; empty for a single bundle. */
    private final List<Messages> parts;
    // Every text looked up asks for its bundle, and ResourceBundle.getBundle does a cache look-up of its own each
    // time; the two bundles are kept here once found (a missing bundle is not kept: it keeps throwing).
    private volatile ResourceBundle english;
    private volatile ResourceBundle japanese;
    // Texts are asked for per finding: each key's text is looked up in the bundles once per language (the keys are
    // the bundles' own, so these stay as small as the bundles).
    private final Map<String, String> englishPatterns = new ConcurrentHashMap<>();
    private final Map<String, String> japanesePatterns = new ConcurrentHashMap<>();

    private Messages(String baseName, ClassLoader loader, List<Messages> parts) {
        this.baseName = baseName;
        this.loader = loader;
        this.parts = List.copyOf(parts);
    }

    /**
     * @param baseName bundle base name, e.g. {@code org.xmailkit.model.messages}
     * @param owner    a class of the module that holds the bundle
     * @return the message source
     */
    public static Messages of(String baseName, Class<?> owner) {
        return new Messages(Objects.requireNonNull(baseName, "baseName"), owner.getClassLoader(), List.of());
    }

    /**
     * @param parts message sources, looked up in this order
     * @return one source over all of them: a key is taken from the first that has it
     */
    public static Messages chain(List<Messages> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an empty chain of messages");
        }
        return new Messages(null, null, parts);
    }

    /** @return the bundles' base names, in look-up order */
    public List<String> baseNames() {
        return parts.isEmpty()
                ? List.of(baseName)
                : parts.stream().flatMap(p -> p.baseNames().stream()).toList();
    }

    /**
     * @param locale the language; anything but Japanese gives English
     * @return the bundle for that language
     */
    public ResourceBundle bundle(Locale locale) {
        if (!parts.isEmpty()) {
            throw new IllegalStateException("a chain of bundles has no single bundle: " + baseNames());
        }
        boolean ja = isJapanese(locale);
        ResourceBundle b = ja ? japanese : english;
        if (b == null) {
            b = ResourceBundle.getBundle(baseName, ja ? Locale.JAPANESE : Locale.ROOT, loader, NO_FALLBACK);
            if (ja) {
                japanese = b;
            } else {
                english = b;
            }
        }
        return b;
    }

    /**
     * @param locale the language
     * @param key    the message key
     * @param args   values for {@code {0}}, {@code {1}}, ...
     * @return the formatted text
     * @throws MissingResourceException when the key is missing (a programming error, caught by the bundle tests)
     */
    public String get(Locale locale, String key, Object... args) {
        Map<String, String> found = isJapanese(locale) ? japanesePatterns : englishPatterns;
        String pattern = found.get(key);
        if (pattern == null) {
            pattern = pattern(locale, key);
            found.put(key, pattern);
        }
        return format(pattern, args);
    }

    /** The text of a key before its values are filled in, looked up in the bundles. */
    private String pattern(Locale locale, String key) {
        for (Messages m : parts) {
            if (m.has(locale, key)) {
                return m.pattern(locale, key);
            }
        }
        if (!parts.isEmpty()) {
            throw new MissingResourceException("no message " + key + " in " + baseNames(), "Messages", key);
        }
        return bundle(locale).getString(key);
    }

    /**
     * @param key  the message key
     * @param args values for {@code {0}}, {@code {1}}, ...
     * @return the text, rendered later in the reader's language
     */
    public Text text(String key, Object... args) {
        return Text.of(this, key, args);
    }

    /**
     * @param locale the language
     * @param key    the message key
     * @return whether the key exists for that language
     */
    public boolean has(Locale locale, String key) {
        if (!parts.isEmpty()) {
            return parts.stream().anyMatch(m -> m.has(locale, key));
        }
        try {
            return bundle(locale).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /**
     * Replaces {@code {n}} with {@code args[n]}; other braces are left alone.
     *
     * @param pattern the text
     * @param args    the values
     * @return the text with values filled in
     */
    public static String format(String pattern, Object... args) {
        Objects.requireNonNull(pattern, "pattern");
        if (args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        for (int open; (open = pattern.indexOf('{', i)) >= 0; ) {
            out.append(pattern, i, open);
            int close = pattern.indexOf('}', open);
            int n = close == open + 2 || close == open + 3 ? placeholder(pattern, open + 1, close) : -1;
            if (n >= 0 && n < args.length) {
                out.append(args[n]);
                i = close + 1;
            } else {
                out.append('{');
                i = open + 1;
            }
        }
        return out.append(pattern, i, pattern.length()).toString();
    }

    /** @return the number written in {@code [from, to)} when it is all digits, else -1 */
    private static int placeholder(String pattern, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = pattern.charAt(i);
            if (!Character.isDigit(c)) {
                return -1;
            }
            n = n * 10 + Character.digit(c, 10);
        }
        return n;
    }

    /**
     * @param locale a locale, may be null
     * @return whether it is Japanese
     */
    public static boolean isJapanese(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage());
    }
}
