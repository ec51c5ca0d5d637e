package org.xmailkit.audit.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Server identity matching as RFC 6125 describes it for clients: case-insensitive, a trailing dot ignored, and a
 * wildcard only as the whole left-most label, standing for exactly one label (§6.4.3). Partial-label wildcards such
 * as {@code mail*.example.com} are not accepted (many clients refuse them).
 */
public final class HostNames {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEX_COLONS = Pattern.compile("[0-9A-Fa-f:.]+");

    private HostNames() {}

    /**
     * @param pattern a certificate name ({@code dNSName} or CN), possibly a wildcard
     * @param host    the host name to check
     * @return whether the name covers the host
     */
    public static boolean matches(String pattern, String host) {
        String p = normalise(pattern);
        String h = normalise(host);
        if (p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (p.indexOf('*') < 0) {
            return p.equals(h);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String rest = p.substring(2);
        // "*.com" style wildcards (one label after the star) are never accepted.
        if (rest.indexOf('.') < 0) {
            return false;
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(rest);
    }

    /**
     * @param text a name
     * @return whether it is an IPv4 or bracket-less IPv6 literal
     */
    public static boolean isIpLiteral(String text) {
        String t = text.strip();
        return IPV4.matcher(t).matches()
                || (t.indexOf(':') >= 0 && HEX_COLONS.matcher(t).matches());
    }

    /**
     * @param a an address literal
     * @param b another
     * @return whether both denote the same address
     */
    public static boolean sameIp(String a, String b) {
        if (!isIpLiteral(a) || !isIpLiteral(b)) {
            return false;
        }
        try {
            // Literals only: InetAddress does not resolve them.
            return InetAddress.getByName(a.strip()).equals(InetAddress.getByName(b.strip()));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String normalise(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
