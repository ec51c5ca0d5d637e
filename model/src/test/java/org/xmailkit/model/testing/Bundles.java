package org.xmailkit.model.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The check every message bundle must pass: an English {@code name.properties} and a Japanese
 * {@code name_ja.properties} (UTF-8, see {@code org.xmailkit.model.Messages}) with
 * <ul>
 * <li>the same keys, none of them written twice in a file;</li>
 * <li>the same {@code {n}} placeholders for each key;</li>
 * <li>no blank value;</li>
 * <li>no doubled apostrophe (texts are not {@code MessageFormat} patterns, so {@code ''} would show as two);</li>
 * <li>Japanese text (hiragana, katakana or kanji) in every Japanese value, except for the keys the caller lists
 * (a name or symbol that reads the same in both languages); a listed key must exist and really have none.</li>
 * </ul>
 *
 * <pre>{@code
 * Bundles.assertComplete(Cli.class, "org.xmailkit.cli.messages", "vars.field.xmailcfg");
 * }</pre>
 */
public final class Bundles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final String SUFFIX = ".properties";
    private static final String JAPANESE = "_ja";

    private Bundles() {}

    /**
     * Fails with every problem of the bundle listed.
     *
     * @param anchor      a class whose class loader sees the bundle
     * @param baseName    the bundle's base name, e.g. {@code org.xmailkit.model.messages}
     * @param notJapanese keys whose Japanese value may lack Japanese text
     */
    public static void assertComplete(Class<?> anchor, String baseName, String... notJapanese) {
        List<String> problems = problems(anchor, baseName, notJapanese);
        assertTrue(problems.isEmpty(), baseName + ":\n" + String.join("\n", problems));
    }

    /**
     * @param anchor      a class whose class loader sees the bundle
     * @param baseName    the bundle's base name
     * @param notJapanese keys whose Japanese value may lack Japanese text
     * @return the problems, one line each; empty when the bundle is complete
     */
    public static List<String> problems(Class<?> anchor, String baseName, String... notJapanese) {
        return problems(anchor.getClassLoader(), baseName, notJapanese);
    }

    static List<String> problems(ClassLoader loader, String baseName, String... notJapanese) {
        List<String> out = new ArrayList<>();
        String resource = baseName.replace('.', '/');
        Properties en = load(loader, resource + SUFFIX, "en", out);
        Properties ja = load(loader, resource + JAPANESE + SUFFIX, "ja", out);
        if (en == null || ja == null) {
            return out;
        }
        Set<String> exempt = Set.of(notJapanese);
        Set<String> keys = new TreeSet<>(en.stringPropertyNames());
        keys.addAll(ja.stringPropertyNames());
        for (String key : keys) {
            String e = en.getProperty(key);
            String j = ja.getProperty(key);
            if (e == null || j == null) {
                out.add(key + ": only in " + (e == null ? "ja" : "en"));
                continue;
            }
            if (e.isBlank() || j.isBlank()) {
                out.add(key + ": blank in " + (e.isBlank() ? "en" : "ja"));
            }
            if (!placeholders(e).equals(placeholders(j))) {
                out.add(key + ": placeholders en " + placeholders(e) + " but ja " + placeholders(j));
            }
            if (e.contains("''") || j.contains("''")) {
                out.add(key + ": doubled apostrophe in " + (e.contains("''") ? "en" : "ja"));
            }
            boolean japanese = hasJapanese(j);
            if (!japanese && !j.isBlank() && !exempt.contains(key)) {
                out.add(key + ": the Japanese text has no Japanese in it: " + j);
            } else if (japanese && exempt.contains(key)) {
                out.add(key + ": listed as not Japanese, but it is");
            }
        }
        for (String key : new TreeSet<>(exempt)) {
            if (!ja.containsKey(key)) {
                out.add(key + ": listed as not Japanese, but there is no such key");
            }
        }
        return out;
    }

    /**
     * @param text a text
     * @return whether it has a hiragana, katakana or kanji character
     */
    public static boolean hasJapanese(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
            return Character.UnicodeBlock.HIRAGANA.equals(b)
                    || Character.UnicodeBlock.KATAKANA.equals(b)
                    || Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS.equals(b);
        });
    }

    /**
     * The bundles a module ships, so that its bundle test can show it checks them all.
     *
     * @param resources the module's resource directory, e.g. {@code Path.of("src/main/resources")}
     * @return the base names of every {@code .properties} file below it (a Japanese file counts for its bundle)
     */
    public static Set<String> inSources(Path resources) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).forEach(p -> {
                String name =
                        resources.relativize(p).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - SUFFIX.length());
                out.add(name.endsWith(JAPANESE) ? name.substring(0, name.length() - JAPANESE.length()) : name);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Loads strictly: malformed UTF-8 and a key written twice are problems, not silently repaired. */
    private static Properties load(ClassLoader loader, String resource, String language, List<String> problems) {
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                problems.add("no " + language + " file " + resource);
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(resource + " is not UTF-8");
            return null;
        }
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    problems.add(key + ": written twice in the " + language + " file");
                }
                return super.put(key, value);
            }
        };
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
