package org.xmailkit.audit.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xmailkit.model.Values;

/**
 * One address rule of an XMail MailRoot file, read the way {@code MscLoadAddressFilter} reads it and matched the
 * way {@code MscAddressMatch} / {@code SysInetAddrMatch} match (MiscUtils.cpp, SysDepCommon.cpp).
 *
 * <ul>
 * <li>First token with a {@code /}: the text before it is the address (IPv4 preferred, IPv6 accepted, or a host
 * name resolved through DNS at match time); the bits are {@code atoi} of the text after it, so a missing, junk or
 * negative count gives 0 bits, which matches every peer.</li>
 * <li>Otherwise, when the caller passes two or more tokens: the legacy IPv4 form {@code address} {@code mask}, both
 * resolved as IPv4 ({@code inet_aton} forms, so a mask {@code 0} is {@code 0.0.0.0}); the mask is used byte for
 * byte and may be non-contiguous.</li>
 * <li>Otherwise the line is not a rule.</li>
 * </ul>
 *
 * Matching compares bytes under the mask. An IPv4 rule matches an IPv6 peer only when the peer is IPv4-mapped or
 * IPv4-compatible (then its last 4 bytes are compared); an IPv6 rule matches an IPv4 peer only when the rule
 * address is itself IPv4-mapped or -compatible (then the rule's last 4 bytes and mask bytes 12-15 are used).
 */
public final class AddressFilter {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_.])?");

    /** How a rule's text was read. */
    public sealed interface Reading permits Parsed, HostName, Invalid {}

    /**
     * The rule was read.
     *
     * @param filter the rule
     */
    public record Parsed(AddressFilter filter) implements Reading {
        public Parsed {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * The address (or legacy mask) is not a literal: XMail resolves it through DNS on every check, so what the rule
     * matches is whatever DNS answers at that moment.
     *
     * @param name the name as written
     */
    public record HostName(String name) implements Reading {
        public HostName {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * XMail skips the line: the address or mask cannot be resolved, or a single token has no {@code /} where the
     * caller passes only one token.
     *
     * @param why what is wrong
     */
    public record Invalid(Why why) implements Reading {
        public Invalid {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Why a rule text is skipped. */
    public enum Why {
        /** The address is neither a literal nor a plausible host name. */
        BAD_ADDRESS,
        /** The legacy mask is neither a literal nor a plausible host name. */
        BAD_MASK,
        /** One token without {@code /}: a bare address where only {@code addr/bits} is read. */
        BARE_ADDRESS,
        /** No token at all. */
        EMPTY
    }

    /** The two written forms. */
    public enum Form {
        /** {@code addr/bits} in one token. */
        CIDR,
        /** {@code addr} and {@code mask} in two tokens (IPv4 only). */
        LEGACY
    }

    private static final int MASK_BYTES = 16;

    private final IpAddress address;
    private final byte[] mask;
    private final Form form;

    private AddressFilter(IpAddress address, byte[] mask, Form form) {
        this.address = address;
        this.mask = mask;
        this.form = form;
    }

    /**
     * Reads a rule from a line's tokens.
     *
     * @param tokens the de-quoted tokens of the line
     * @param passed how many tokens the XMail caller hands to {@code MscLoadAddressFilter}: the line's token count
     *               for smtprelay.tab and the ipmap files, 1 for smtp.ipprop.tab and the filter selectors, 1 or 2
     *               for spammers.tab (2 when the second column starts with a digit)
     * @return how it reads
     */
    public static Reading read(List<String> tokens, int passed) {
        if (tokens.isEmpty() || passed < 1) {
            return new Invalid(Why.EMPTY);
        }
        String first = tokens.get(0);
        int slash = first.indexOf('/');
        if (slash >= 0) {
            String addrText = first.substring(0, slash);
            long bits = Values.atoi(first.substring(slash + 1)).orElse(0);
            Optional<IpAddress> addr = IpAddress.parse(addrText);
            if (addr.isEmpty()) {
                return hostNameOr(addrText, Why.BAD_ADDRESS);
            }
            return new Parsed(new AddressFilter(addr.get(), cidrMask(bits), Form.CIDR));
        }
        if (passed < 2 || tokens.size() < 2) {
            boolean address = IpAddress.parse(first).isPresent() || hostNameOr(first, Why.EMPTY) instanceof HostName;
            return new Invalid(address ? Why.BARE_ADDRESS : Why.BAD_ADDRESS);
        }
        String maskText = tokens.get(1);
        Optional<IpAddress> addr = IpAddress.parseV4(first);
        if (addr.isEmpty()) {
            return hostNameOr(first, Why.BAD_ADDRESS);
        }
        Optional<IpAddress> m = IpAddress.parseV4(maskText);
        if (m.isEmpty()) {
            return hostNameOr(maskText, Why.BAD_MASK);
        }
        byte[] mask = new byte[MASK_BYTES];
        for (int i = 0; i < 4; i++) {
            mask[i] = (byte) m.get().get(i);
        }
        return new Parsed(new AddressFilter(addr.get(), mask, Form.LEGACY));
    }

    private static Reading hostNameOr(String text, Why why) {
        // A name that DNS could answer; anything else (empty, spaces, stray punctuation) cannot resolve.
        if (HOST_NAME.matcher(text).matches() && text.chars().anyMatch(Character::isLetter)) {
            return new HostName(text);
        }
        return new Invalid(why);
    }

    /** The mask loop of MscLoadAddressFilter: whole 0xff bytes, then the leading bits of the next byte. */
    private static byte[] cidrMask(long bits) {
        byte[] mask = new byte[MASK_BYTES];
        int b = (int) Math.max(Math.min(bits, 8L * MASK_BYTES), Integer.MIN_VALUE);
        int i = 0;
        for (; i + 8 <= b; i += 8) {
            mask[i / 8] = (byte) 0xFF;
        }
        if (i < b) {
            mask[i / 8] = (byte) (((1 << (b - i)) - 1) << (8 - b + i));
        }
        return mask;
    }

    /**
     * @param text a {@code addr/bits} text, or {@code addr} and {@code mask} separated by a TAB (for tests and
     *             constants)
     * @return the parsed rule
     * @throws IllegalArgumentException when it does not parse to a literal rule
     */
    public static AddressFilter of(String text) {
        List<String> tokens = List.of(text.split("\t"));
        if (read(tokens, tokens.size()) instanceof Parsed p) {
            return p.filter();
        }
        throw new IllegalArgumentException("not an address rule: " + text);
    }

    /** @return the rule address */
    public IpAddress address() {
        return address;
    }

    /** @return how it was written */
    public Form form() {
        return form;
    }

    /**
     * @param index 0-15
     * @return the mask byte, 0-255
     */
    public int maskByte(int index) {
        return mask[index] & 0xFF;
    }

    /**
     * {@code SysInetAddrMatch}.
     *
     * @param peer a client address
     * @return whether the rule matches it
     */
    public boolean matches(IpAddress peer) {
        if (address.isV4() == peer.isV4()) {
            for (int i = 0; i < address.length(); i++) {
                if ((address.get(i) & maskByte(i)) != (peer.get(i) & maskByte(i))) {
                    return false;
                }
            }
            return true;
        }
        if (address.isV4()) {
            if (!peer.v4Compatible()) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if ((address.get(i) & maskByte(i)) != (peer.get(12 + i) & maskByte(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!address.v4Compatible()) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if ((address.get(12 + i) & maskByte(12 + i)) != (peer.get(i) & maskByte(12 + i))) {
                return false;
            }
        }
        return true;
    }

    /** @return whether the rule can match IPv4 clients at all */
    public boolean appliesToIpv4() {
        return address.isV4() || address.v4Compatible();
    }

    /**
     * @return the number of mask bits that do not constrain an IPv4 client (32 = every IPv4 client), or -1 when the
     *         rule never matches IPv4 clients
     */
    public int ipv4FreeBits() {
        if (!appliesToIpv4()) {
            return -1;
        }
        int off = address.isV4() ? 0 : 12;
        int free = 0;
        for (int i = 0; i < 4; i++) {
            free += 8 - Integer.bitCount(maskByte(off + i));
        }
        return free;
    }

    /**
     * @return the number of mask bits that do not constrain a native IPv6 client (128 = every one), or -1 when the
     *         rule never matches native IPv6 clients (an IPv4 rule)
     */
    public int ipv6FreeBits() {
        if (address.isV4()) {
            return -1;
        }
        int free = 0;
        for (int i = 0; i < 16; i++) {
            free += 8 - Integer.bitCount(maskByte(i));
        }
        return free;
    }

    /** @return whether every IPv4 client matches */
    public boolean matchesEveryIpv4() {
        return ipv4FreeBits() == 32;
    }

    /** @return whether every IPv6 client matches, native ones included */
    public boolean matchesEveryIpv6() {
        return ipv6FreeBits() == 128;
    }

    /**
     * @param prefix an IPv4 network
     * @param bits   its prefix length, 0-32
     * @return whether every IPv4 client this rule matches lies inside {@code prefix/bits} (false when the rule matches
     *         no IPv4 client)
     */
    public boolean ipv4Within(IpAddress prefix, int bits) {
        if (!appliesToIpv4() || !prefix.isV4()) {
            return false;
        }
        int off = address.isV4() ? 0 : 12;
        for (int i = 0; i < 4; i++) {
            int pm = prefixByte(bits, i);
            int m = maskByte(off + i);
            if ((m & pm) != pm || (address.get(off + i) & pm) != (prefix.get(i) & pm)) {
                return false;
            }
        }
        return true;
    }

    private static int prefixByte(int bits, int index) {
        int left = bits - 8 * index;
        if (left >= 8) {
            return 0xFF;
        }
        if (left <= 0) {
            return 0;
        }
        return (0xFF << (8 - left)) & 0xFF;
    }

    /**
     * @return the rule as {@code address/bits} when the mask (for the rule's family) is contiguous, else
     *         {@code address mask}
     */
    public String display() {
        int len = address.length();
        int ones = 0;
        boolean contiguous = true;
        boolean zeroSeen = false;
        for (int i = 0; i < len * 8; i++) {
            boolean bit = (maskByte(i / 8) & (0x80 >>> (i % 8))) != 0;
            if (bit) {
                if (zeroSeen) {
                    contiguous = false;
                }
                ones++;
            } else {
                zeroSeen = true;
            }
        }
        if (contiguous) {
            return address + "/" + ones;
        }
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < len; i++) {
            m.append(i == 0 ? "" : ".").append(maskByte(i));
        }
        return address + " " + m;
    }

    @Override
    public String toString() {
        return display();
    }
}
