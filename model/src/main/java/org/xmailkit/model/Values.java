package org.xmailkit.model;

import java.util.OptionalLong;

/** The C library conversions XMail applies to values. */
public final class Values {

    private Values() {}

    /**
     * C {@code atoi} as XMail uses it: skips leading white space, takes an optional sign and the digits that
     * follow, ignores the rest. Text without digits reads as 0.
     *
     * @param text the value
     * @return the number (saturated to the {@code long} range), always present
     */
    public static OptionalLong atoi(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i) - '0';
            v = v > (Long.MAX_VALUE - d) / 10 ? Long.MAX_VALUE : v * 10 + d;
            i++;
        }
        return OptionalLong.of(negative ? -v : v);
    }

    /**
     * @param text a value
     * @return whether it is exactly an optionally signed decimal integer with no other bytes
     */
    public static boolean isPlainInteger(String text) {
        int i = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param c a byte as a char
     * @return whether C {@code isspace} is true for it in the C locale
     */
    public static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * What C's {@code atoi} leaves of a number in an {@code int}: it is {@code (int) strtol(...)}. Where {@code long}
     * has 32 bits (Windows builds of XMail) {@code strtol} already stops at the int range; where it has 64 bits
     * (Linux builds) the result keeps the low 32 bits of the 64-bit value.
     *
     * @param value the number as {@link #atoi} reads it (saturated to the 64-bit range)
     * @param lp64  whether {@code long} has 64 bits
     * @return the int XMail works with
     */
    public static long cInt(long value, boolean lp64) {
        if (lp64) {
            return (int) value;
        }
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
