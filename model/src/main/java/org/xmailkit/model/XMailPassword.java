package org.xmailkit.model;

import java.util.Objects;

/**
 * XMail's reversible password encoding ("XMCrypt", StrUtils.cpp {@code StrCrypt}/{@code StrDeCrypt}): each byte
 * XOR 0x65, written as two lower-case hex digits. It is obfuscation, not encryption. Decoding follows XMail's
 * lenient {@code sscanf("%x")} per pair, including its quirks: a pair {@code 65} decodes to NUL and ends the
 * password; an odd length or a pair without a hex digit fails, leaving what was decoded so far.
 */
public final class XMailPassword {

    private static final int KEY = 0x65;

    private XMailPassword() {}

    /** The outcome of decoding a stored password. */
    public enum Status {
        /** Every pair decoded. */
        OK,
        /** The stored text has an odd length. */
        ODD_LENGTH,
        /** A pair has no hex digit where {@code sscanf} needs one. */
        NOT_HEX
    }

    /**
     * @param status       how decoding went
     * @param password     the password as XMail compares it (bytes as Latin-1 text, cut at the first NUL): for
     *                     failures, the prefix decoded before the failure (what ctrlaccounts.tab then accepts)
     * @param nulTruncated whether a {@code 65} pair cut the password short
     */
    public record Decoded(Status status, String password, boolean nulTruncated) {
        public Decoded {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(password, "password");
        }

        /** @return whether every pair decoded */
        public boolean ok() {
            return status == Status.OK;
        }
    }

    /**
     * @param password the password bytes as Latin-1 text
     * @return the stored form
     */
    public static String encode(String password) {
        StringBuilder out = new StringBuilder(password.length() * 2);
        for (int i = 0; i < password.length(); i++) {
            int b = (password.charAt(i) & 0xFF) ^ KEY;
            out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    /**
     * @param stored the stored form
     * @return the decoded password and how decoding went
     */
    public static Decoded decode(String stored) {
        StringBuilder out = new StringBuilder(stored.length() / 2);
        boolean ended = false;
        boolean truncated = false;
        if (stored.length() % 2 != 0) {
            // StrDeCrypt checks the length before decoding anything.
            return new Decoded(Status.ODD_LENGTH, "", false);
        }
        for (int i = 0; i < stored.length(); i += 2) {
            Integer v = scanHex(stored.substring(i, i + 2));
            if (v == null) {
                return new Decoded(Status.NOT_HEX, out.toString(), truncated);
            }
            int b = (v ^ KEY) & 0xFF;
            if (b == 0 && !ended) {
                ended = true;
                truncated = true;
            }
            if (!ended) {
                out.append((char) b);
            }
        }
        return new Decoded(Status.OK, out.toString(), truncated);
    }

    /** {@code sscanf(pair, "%x")}: optional blanks, optional sign, optional 0x, then at least one hex digit. */
    private static Integer scanHex(String pair) {
        int i = 0;
        while (i < pair.length() && Values.isCSpace(pair.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < pair.length() && (pair.charAt(i) == '+' || pair.charAt(i) == '-')) {
            negative = pair.charAt(i) == '-';
            i++;
        }
        int value = 0;
        int digits = 0;
        while (i < pair.length() && Character.digit(pair.charAt(i), 16) >= 0) {
            value = value * 16 + Character.digit(pair.charAt(i), 16);
            digits++;
            i++;
        }
        if (digits == 0) {
            return null;
        }
        return negative ? -value : value;
    }
}
