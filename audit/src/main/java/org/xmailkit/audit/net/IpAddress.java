package org.xmailkit.audit.net;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address, in network byte order, as XMail compares addresses. Literal parsing
 * follows what {@code getaddrinfo} accepts for numeric hosts: IPv4 in the {@code inet_aton} forms (1 to 4 parts,
 * decimal, octal with a leading {@code 0}, hex with {@code 0x}; so {@code 10} is {@code 0.0.0.10}) and IPv6 in the
 * usual colon forms, including {@code ::} and a trailing dotted quad. Never touches DNS.
 */
public final class IpAddress {

    private static final Pattern DOTTED_QUAD = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param text an address literal
     * @return the address, or empty when the text is not a literal (a host name, or junk)
     */
    public static Optional<IpAddress> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    /**
     * @param text an address literal known to be valid (for constants and tests)
     * @return the address
     * @throws IllegalArgumentException when it is not a literal
     */
    public static IpAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an address literal: " + text));
    }

    /**
     * {@code inet_aton}: 1 to 4 dot-separated numbers; the last fills the remaining bytes.
     *
     * @param text the text
     * @return the IPv4 address, or empty
     */
    public static Optional<IpAddress> parseV4(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == '.' || text.charAt(n - 1) == '.') {
            return Optional.empty();
        }
        // Read in place, part by part: this runs for every address of every map line.
        long[] values = new long[4];
        int parts = 0;
        for (int from = 0; from <= n; ) {
            int dot = text.indexOf('.', from);
            int to = dot < 0 ? n : dot;
            if (parts == 4) {
                return Optional.empty();
            }
            long v = number(text, from, to);
            if (v < 0) {
                return Optional.empty();
            }
            values[parts++] = v;
            from = to + 1;
        }
        int last = parts - 1;
        for (int i = 0; i < last; i++) {
            if (values[i] > 0xFF) {
                return Optional.empty();
            }
        }
        long lastMax = (1L << (8 * (4 - last))) - 1;
        if (values[last] > lastMax) {
            return Optional.empty();
        }
        long v = values[last];
        for (int i = 0; i < last; i++) {
            v |= values[i] << (8 * (3 - i));
        }
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return Optional.of(new IpAddress(b));
    }

    /**
     * One inet_aton part, {@code text[from, to)}: hex after 0x, octal after a leading 0, else decimal; nothing else
     * allowed.
     *
     * @return its value, or -1 when it is not a number
     */
    private static long number(String text, int from, int to) {
        if (from == to) {
            return -1;
        }
        int radix = 10;
        int i = from;
        if (to - from > 1 && text.charAt(from) == '0') {
            char second = text.charAt(from + 1);
            if (second == 'x' || second == 'X') {
                radix = 16;
                i = from + 2;
                if (i == to) {
                    // "0x" alone reads as 0 in strtoul-based parsers.
                    return 0;
                }
            } else {
                radix = 8;
                i = from + 1;
            }
        }
        if (to - i > 12) {
            return -1;
        }
        long v = 0;
        for (; i < to; i++) {
            char c = text.charAt(i);
            int d = c > 0x7F ? -1 : Character.digit(c, radix);
            if (d < 0) {
                return -1;
            }
            v = v * radix + d;
        }
        return v;
    }

    /**
     * @param text an IPv6 literal, optionally with a {@code %scope} suffix (which does not change the bytes)
     * @return the address, or empty
     */
    public static Optional<IpAddress> parseV6(String text) {
        String t = text;
        int pct = t.indexOf('%');
        if (pct >= 0) {
            if (pct == t.length() - 1) {
                return Optional.empty();
            }
            t = t.substring(0, pct);
        }
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        if (dbl < 0) {
            int n = groups(t, out, 0, true);
            return n == 16 ? Optional.of(new IpAddress(out)) : Optional.empty();
        }
        String head = t.substring(0, dbl);
        String tail = t.substring(dbl + 2);
        byte[] h = new byte[16];
        byte[] tl = new byte[16];
        int hn = head.isEmpty() ? 0 : groups(head, h, 0, false);
        int tn = tail.isEmpty() ? 0 : groups(tail, tl, 0, true);
        if (hn < 0 || tn < 0 || hn + tn > 14) {
            return Optional.empty();
        }
        System.arraycopy(h, 0, out, 0, hn);
        System.arraycopy(tl, 0, out, 16 - tn, tn);
        return Optional.of(new IpAddress(out));
    }

    /** Parses colon groups into bytes; the last group may be a dotted quad. Returns the byte count or -1. */
    private static int groups(String text, byte[] out, int start, boolean allowQuad) {
        String[] gs = text.split(":", -1);
        int pos = start;
        for (int i = 0; i < gs.length; i++) {
            String g = gs[i];
            if (i == gs.length - 1 && allowQuad && g.indexOf('.') >= 0) {
                if (!DOTTED_QUAD.matcher(g).matches()) {
                    return -1;
                }
                Optional<IpAddress> v4 = parseV4Strict(g);
                if (v4.isEmpty() || pos + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4.get().bytes, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || pos + 2 > 16) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < g.length(); k++) {
                int d = Character.digit(g.charAt(k), 16);
                if (d < 0 || g.charAt(k) > 0x7F) {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[pos++] = (byte) (v >>> 8);
            out[pos++] = (byte) v;
        }
        return pos - start;
    }

    private static Optional<IpAddress> parseV4Strict(String quad) {
        String[] p = quad.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(p[i]);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(new IpAddress(b));
    }

    /** @return whether this is an IPv4 address */
    public boolean isV4() {
        return bytes.length == 4;
    }

    /** @return 4 or 16 */
    public int length() {
        return bytes.length;
    }

    /**
     * @param index 0-based byte index
     * @return that byte, 0-255
     */
    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    /**
     * XMail's {@code SysInetIPV6CompatIPV4}: an IPv6 address whose first 80 bits are zero followed by {@code ffff}
     * (IPv4-mapped) or {@code 0000} (IPv4-compatible, which includes {@code ::}).
     *
     * @return whether this IPv6 address carries an IPv4 address in its last 4 bytes
     */
    public boolean v4Compatible() {
        if (isV4()) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (get(10) == 0xFF && get(11) == 0xFF) || (get(10) == 0 && get(11) == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** @return dotted quad, or the compressed lower-case IPv6 form (longest run of zero groups as {@code ::}) */
    @Override
    public String toString() {
        if (isV4()) {
            return get(0) + "." + get(1) + "." + get(2) + "." + get(3);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (get(2 * i) << 8) | get(2 * i + 1);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
