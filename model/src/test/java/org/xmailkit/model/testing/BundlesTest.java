package org.xmailkit.model.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The shared bundle check finds each kind of flaw, and passes a sound bundle. */
class BundlesTest {

    @TempDir
    Path dir;

    private List<String> problems(String en, String ja, String... notJapanese) throws IOException {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/texts.properties"), en, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("t/texts_ja.properties"), ja, StandardCharsets.UTF_8);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return Bundles.problems(loader, "t.texts", notJapanese);
        }
    }

    @Test
    void aSoundBundlePasses() throws IOException {
        assertEquals(List.of(), problems("""
                a=It's {0} of {1}
                name=XMailCFG
                """, """
                a={1} 件中 {0} 件
                name=XMailCFG
                """, "name"));
    }

    @Test
    void reportsKeysInOneLanguageOnly() throws IOException {
        assertEquals(List.of("b: only in en", "c: only in ja"), problems("a=A\nb=B\n", "a=あ\nc=し\n"));
    }

    @Test
    void reportsDifferentPlaceholders() throws IOException {
        assertEquals(List.of("a: placeholders en [{0}, {1}] but ja [{0}]"), problems("a={0} {1}\n", "a={0} 件\n"));
    }

    @Test
    void reportsBlankValuesAndDoubledApostrophes() throws IOException {
        assertEquals(
                List.of("a: blank in ja", "b: doubled apostrophe in en"),
                problems("a=A\nb=don''t\n", "a=\\u0020\nb=いいえ\n"));
    }

    @Test
    void reportsJapaneseTextsWithoutJapaneseUnlessListed() throws IOException {
        assertEquals(List.of("a: the Japanese text has no Japanese in it: Apply"), problems("a=Apply\n", "a=Apply\n"));
        assertEquals(List.of("a: the Japanese text has no Japanese in it: ！"), problems("a=!\n", "a=！\n"));
        assertEquals(List.of(), problems("a=Apply\n", "a=Apply\n", "a"));
    }

    @Test
    void reportsStaleExemptions() throws IOException {
        assertEquals(
                List.of("a: listed as not Japanese, but it is", "z: listed as not Japanese, but there is no such key"),
                problems("a=Apply\n", "a=適用\n", "a", "z"));
    }

    @Test
    void reportsKeysWrittenTwice() throws IOException {
        assertEquals(List.of("a: written twice in the ja file"), problems("a=A\n", "a=あ\na=い\n"));
    }

    @Test
    void reportsMissingFilesAndBytesThatAreNotUtf8() throws IOException {
        Files.createDirectories(dir.resolve("t"));
        Files.writeString(dir.resolve("t/texts.properties"), "a=A\n");
        Files.write(dir.resolve("t/texts_ja.properties"), "a=あ\n".getBytes(Charset.forName("EUC-JP")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertEquals(List.of("t/texts_ja.properties is not UTF-8"), Bundles.problems(loader, "t.texts"));
            assertEquals(
                    List.of("no en file t/other.properties", "no ja file t/other_ja.properties"),
                    Bundles.problems(loader, "t.other"));
        }
    }

    @Test
    void assertCompleteFailsWithTheProblems() throws IOException {
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> Bundles.assertComplete(BundlesTest.class, "org.xmailkit.model.testing.none"));
        assertTrue(e.getMessage().contains("no en file org/xmailkit/model/testing/none.properties"), e.getMessage());
    }

    @Test
    void findsEveryBundleOfAResourceTree() throws IOException {
        Files.createDirectories(dir.resolve("org/x/rules"));
        for (String f : List.of(
                "org/x/messages.properties",
                "org/x/messages_ja.properties",
                "org/x/rules/sec.properties",
                "org/x/only_ja.properties",
                "org/x/readme.txt")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertEquals(Set.of("org.x.messages", "org.x.rules.sec", "org.x.only"), Bundles.inSources(dir));
    }

    @Test
    void japaneseMeansKanaOrKanji() {
        assertTrue(Bundles.hasJapanese("ひらがな"));
        assertTrue(Bundles.hasJapanese("カタカナ"));
        assertTrue(Bundles.hasJapanese("漢字"));
        assertFalse(Bundles.hasJapanese("「」。、！"));
        assertFalse(Bundles.hasJapanese("TLS {0}"));
    }
}
