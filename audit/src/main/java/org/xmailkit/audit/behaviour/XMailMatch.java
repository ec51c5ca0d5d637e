package org.xmailkit.audit.behaviour;

/** String matching as XMail 1.27 does it (StrUtils.cpp), byte text in, nothing else. */
public final class XMailMatch {

    private XMailMatch() {}

    /**
     * {@code StrLimIStr}: whether {@code match} occurs in {@code buffer}, case-insensitively, as a whole item between
     * the limit characters. XMail tests the character at the match instead of the one before it, so an item counts
     * only where a search starts: at the beginning of the buffer, or right after an earlier occurrence that failed.
     * In a list such as {@code PLAIN,LOGIN} only the first item is ever found.
     *
     * @param buffer the list
     * @param match  the item
     * @param limits the separators
     * @return whether XMail finds the item
     */
    public static boolean limIStr(String buffer, String match, String limits) {
        String hay = lower(buffer);
        String needle = lower(match);
        int from = 0;
        for (int pos = hay.indexOf(needle, from); pos >= 0 && !needle.isEmpty(); pos = hay.indexOf(needle, from)) {
            int end = pos + needle.length();
            boolean startOk = pos == from || limits.indexOf(hay.charAt(pos)) >= 0;
            boolean endOk = end == hay.length() || limits.indexOf(hay.charAt(end)) >= 0;
            if (startOk && endOk) {
                return true;
            }
            from = end;
        }
        return false;
    }

    /**
     * {@code StrIWildMatch}: a case-insensitive shell pattern match over the whole string: {@code *} any run,
     * {@code ?} one byte, {@code [...]} a set or {@code [^...]} its complement with {@code a-z} ranges, {@code \}
     * quoting the next byte.
     *
     * @param text    the string
     * @param pattern the pattern
     * @return whether the pattern matches all of the string
     */
    public static boolean wildMatch(String text, String pattern) {
        return wild(lower(text), 0, lower(pattern), 0, 0);
    }

    /** C's tolower in the C locale: ASCII letters only. */
    static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    private static boolean wild(String s, int si, String p, int pi, int depth) {
        if (depth > 64) {
            return false;
        }
        while (pi < p.length()) {
            char c = p.charAt(pi);
            switch (c) {
                case '\\' -> {
                    if (++pi >= p.length() || si >= s.length() || s.charAt(si) != p.charAt(pi)) {
                        return false;
                    }
                }
                case '?' -> {
                    if (si >= s.length()) {
                        return false;
                    }
                }
                case '*' -> {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    if (pi == p.length()) {
                        return true;
                    }
                    for (int k = si; k < s.length(); k++) {
                        if (wild(s, k, p, pi, depth + 1)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '[' -> {
                    int close = set(s, si, p, pi);
                    if (close < 0) {
                        return false;
                    }
                    pi = close;
                }
                default -> {
                    if (si >= s.length() || s.charAt(si) != c) {
                        return false;
                    }
                }
            }
            si++;
            pi++;
        }
        return si == s.length();
    }

    /** Matches one byte against the set at {@code p[pi] == '['}; returns the index of its ']' or -1. */
    private static int set(String s, int si, String p, int pi) {
        if (si >= s.length()) {
            return -1;
        }
        char ch = s.charAt(si);
        int i = pi + 1;
        boolean invert = i < p.length() && p.charAt(i) == '^';
        if (invert) {
            i++;
        }
        boolean matched = false;
        int prev = -1;
        for (; i < p.length() && p.charAt(i) != ']'; i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                c = p.charAt(++i);
            } else if (c == '-' && prev >= 0 && i + 1 < p.length() && p.charAt(i + 1) != ']') {
                char hi = p.charAt(++i);
                matched |= ch >= prev && ch <= hi;
                prev = -1;
                continue;
            }
            matched |= ch == c;
            prev = c;
        }
        if (i >= p.length()) {
            return -1;
        }
        return matched != invert ? i : -1;
    }
}
