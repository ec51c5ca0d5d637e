package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SecretMatcherTest {

    private static final int ANYWHERE = 5;

    /** Every occurrence, long ones anywhere and short ones as whole words, merged: what the automaton must find. */
    private static List<List<Integer>> naive(Set<String> secrets, String text) {
        List<int[]> all = new ArrayList<>();
        for (String s : secrets) {
            for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
                int end = i + s.length();
                boolean word = (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                if (s.length() >= ANYWHERE || word) {
                    all.add(new int[] {i, end});
                }
            }
        }
        all.sort(Comparator.comparingInt((int[] a) -> a[0]));
        List<List<Integer>> merged = new ArrayList<>();
        for (int[] a : all) {
            List<Integer> last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && a[0] <= last.get(1)) {
                last.set(1, Math.max(last.get(1), a[1]));
            } else {
                merged.add(new ArrayList<>(List.of(a[0], a[1])));
            }
        }
        return merged;
    }

    private static List<List<Integer>> found(Set<String> secrets, String text) {
        return new SecretMatcher(secrets, ANYWHERE)
                .find(text).stream().map(a -> List.of(a[0], a[1])).toList();
    }

    @Provide
    Arbitrary<Set<String>> secrets() {
        return Arbitraries.strings()
                .withChars("ab1 .")
                .ofMinLength(1)
                .ofMaxLength(7)
                .set()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Property
    void findsWhatASearchForEachSecretFinds(@ForAll("secrets") Set<String> secrets, @ForAll("text") String text) {
        assertEquals(naive(secrets, text), found(secrets, text));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("ab1 .").ofMaxLength(60);
    }

    /** Secrets and texts beyond Latin-1 (kana), and texts with characters no secret holds. */
    @Property
    void findsWhatASearchForEachSecretFindsBeyondLatin1(
            @ForAll("wideSecrets") Set<String> secrets, @ForAll("wideText") String text) {
        assertEquals(naive(secrets, text), found(secrets, text));
    }

    @Provide
    Arbitrary<Set<String>> wideSecrets() {
        return Arbitraries.strings()
                .withChars("ab1 \u00e9\u30d1\u30b9")
                .ofMinLength(1)
                .ofMaxLength(7)
                .set()
                .ofMinSize(1)
                .ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> wideText() {
        return Arbitraries.strings().withChars("ab1 .\u00e9\u30d1\u30b9z\u30ef").ofMaxLength(60);
    }

    @Test
    void sharedPrefixesSuffixesAndOverlaps() {
        Set<String> secrets = Set.of("abcdef", "bcd", "cdefgh", "xyz");
        assertEquals(List.of(List.of(1, 9)), found(secrets, "zabcdefghz"), "overlapping secrets become one");
        assertEquals(List.of(List.of(0, 3)), found(secrets, "xyz xyzq"), "a short one only as a whole word");
        assertEquals(List.of(), found(Set.of("aaaa"), "aaa"));
        assertEquals(List.of(List.of(0, 12)), found(Set.of("aaaaa"), "aaaaaaaaaaaa"));
    }
}
