package org.xmailkit.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Finds every known secret in a text in one pass (an Aho-Corasick automaton over the secrets): the cost is linear in
 * the text, however many secrets share a prefix, and the memory linear in the secrets' total length. A secret of at
 * least {@code anywhere} characters counts wherever it appears; a shorter one only as a whole word. The parts found
 * are merged, so overlapping or adjacent secrets become one.
 */
final class SecretMatcher {

    /** Transitions: {@code state << 16 | char} to the next state. */
    private final Transitions next;
    /** The characters that occur in some secret: any other one leads back to the start at once. */
    private final BitSet used = new BitSet(128);
    /**
     * The start state's transitions by Latin-1 character (0: none): a text is read from the start state until some
     * secret's first character comes, so most characters are looked up here and not in {@link #next}.
     */
    private final int[] fromStart = new int[256];
    /** Per state: the state of its longest proper suffix that is a prefix of some secret. */
    private final int[] fail;
    /** Per state: the longest secret of at least {@code anywhere} characters ending here, or 0. */
    private final int[] longest;
    /** Per state: the lengths of the shorter secrets ending here (at most {@code anywhere} - 1 of them). */
    private final int[][] shorter;

    /**
     * @param secrets  the secrets (none empty)
     * @param anywhere the length from which a secret counts inside words too
     */
    SecretMatcher(Collection<String> secrets, int anywhere) {
        // A MailRoot has a few secrets: the trie is built in arrays sized for all their characters at once.
        int max = 1;
        for (String s : secrets) {
            max += s.length();
        }
        next = new Transitions(max);
        int[] parent = new int[max];
        char[] via = new char[max];
        int[] own = new int[max];
        int[] firstChild = new int[max];
        int[] sibling = new int[max];
        int n = 1;
        for (String s : secrets) {
            int state = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                used.set(c);
                long key = key(state, c);
                int to = next.get(key);
                if (to < 0) {
                    to = n++;
                    next.put(key, to);
                    parent[to] = state;
                    via[to] = c;
                    sibling[to] = firstChild[state];
                    firstChild[state] = to;
                }
                state = to;
            }
            own[state] = Math.max(own[state], s.length());
        }
        for (int child = firstChild[0]; child != 0; child = sibling[child]) {
            if (via[child] < fromStart.length) {
                fromStart[via[child]] = child;
            }
        }
        fail = new int[n];
        longest = new int[n];
        shorter = new int[n][];
        shorter[0] = new int[0];
        // Breadth first: a state's suffix states are shallower, so done before it.
        int[] queue = new int[n];
        int tail = 0;
        for (int child = firstChild[0]; child != 0; child = sibling[child]) {
            queue[tail++] = child;
        }
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            int f = 0;
            if (parent[u] != 0) {
                // The longest proper suffix of u's text that is also a prefix of a secret.
                char c = via[u];
                f = fail[parent[u]];
                int t = next.get(key(f, c));
                while (t < 0 && f != 0) {
                    f = fail[f];
                    t = next.get(key(f, c));
                }
                f = t < 0 ? 0 : t;
            }
            fail[u] = f;
            int length = own[u];
            longest[u] = Math.max(length >= anywhere ? length : 0, longest[f]);
            shorter[u] = length > 0 && length < anywhere ? append(shorter[f], length) : shorter[f];
            for (int child = firstChild[u]; child != 0; child = sibling[child]) {
                queue[tail++] = child;
            }
        }
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    private static long key(int state, char c) {
        return ((long) state << 16) | c;
    }

    /**
     * @param text a text
     * @return the parts of it that are secrets, merged, in order, as {start, end}
     */
    List<int[]> find(String text) {
        Deque<int[]> found = null;
        char[] chars = text.toCharArray();
        int state = 0;
        for (int j = 0; j < chars.length; j++) {
            char c = chars[j];
            if (state == 0 && c < fromStart.length) {
                state = fromStart[c];
                if (state == 0) {
                    continue;
                }
            } else if (!used.get(c)) {
                state = 0; // no secret holds it: no transition takes it, from any state
                continue;
            } else {
                int to = next.get(key(state, c));
                while (to < 0 && state != 0) {
                    state = fail[state];
                    to = next.get(key(state, c));
                }
                state = to < 0 ? 0 : to;
            }
            int best = longest[state];
            for (int length : shorter[state]) {
                if (length > best && wholeWord(text, j + 1 - length, j + 1)) {
                    best = length;
                }
            }
            if (best > 0) {
                if (found == null) {
                    found = new ArrayDeque<>();
                }
                int start = j + 1 - best;
                while (!found.isEmpty() && start <= found.peekLast()[1]) {
                    start = Math.min(start, found.pollLast()[0]);
                }
                found.addLast(new int[] {start, j + 1});
            }
        }
        return found == null ? List.of() : new ArrayList<>(found);
    }

    /** Transitions by {@code state << 16 | char}, in an open-addressing table of primitives (no boxing per char). */
    private static final class Transitions {
        private long[] keys;
        private int[] values;
        private int size;

        /** @param expected how many transitions it will hold at most */
        Transitions(int expected) {
            int capacity = 16;
            while (capacity < expected * 2) {
                capacity <<= 1;
            }
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(keys, -1);
        }

        /** @return the next state, or -1 */
        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == -1) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = new long[oldKeys.length * 2];
                values = new int[oldKeys.length * 2];
                Arrays.fill(keys, -1);
                size = 0;
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != -1) {
                        put(oldKeys[i], oldValues[i]);
                    }
                }
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != -1 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == -1) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 40) & mask;
        }
    }

    private static boolean wholeWord(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}
