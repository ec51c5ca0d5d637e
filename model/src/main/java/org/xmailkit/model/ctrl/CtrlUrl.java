package org.xmailkit.model.ctrl;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote XMail server named as {@code ctrl://USER@HOST[:PORT]}: the CTRL account and where its CTRL or CTRLS
 * service listens. A password is never part of it.
 *
 * @param user the CTRL account (ctrlaccounts.tab)
 * @param host a host name, an IPv4 address, or an IPv6 address without brackets
 * @param port the port
 */
public record CtrlUrl(String user, String host, int port) {

    /** The scheme, with its separator. */
    public static final String PREFIX = "ctrl://";
    /** CTRL's standard port (Readme.txt "XMAIL ADMIN PROTOCOL"; {@code -Cp}). */
    public static final int CTRL_PORT = 6017;
    /** CTRLS's standard port, TLS from the first byte ({@code -Wp}). */
    public static final int CTRLS_PORT = 6018;

    /**
     * A user XMail can take in a login line: printable ASCII (CTRLSvr.cpp CTRLLogin ends the session on a byte above
     * 127, MscCmdStringCheck) without quote, TAB or space, short enough for its 256-byte login buffer.
     */
    private static final Pattern USER = Pattern.compile("[!#-~&&[^\"@:/\\\\]][!#-~&&[^\"/\\\\:]]{0,63}");

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9-]{1,63}){0,20}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern FORM =
            Pattern.compile("ctrl://([^/?#]*)@(\\[[^\\]]*\\]|[^:/?#\\[\\]]*)(?::([0-9]{1,5}))?/?");

    public CtrlUrl {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        if (!USER.matcher(user).matches()
                || !(HOST.matcher(host).matches() || (IPV6.matcher(host).matches() && host.indexOf(':') >= 0))
                || port < 1
                || port > 65535) {
            throw new IllegalArgumentException("not a CTRL address");
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * @param text what the user typed
     * @return whether it is meant as a CTRL address (starts with {@code ctrl://}, any case)
     */
    public static boolean looksLike(String text) {
        return text != null && text.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * @param text {@code ctrl://USER@HOST[:PORT]}; the port defaults to 6018 (CTRLS)
     * @return the address
     * @throws IllegalArgumentException when it is not one, or holds a password; the message never repeats the text
     *                                  after the user name, so a password typed by mistake is not printed
     */
    public static CtrlUrl parse(String text) {
        if (!looksLike(text)) {
            throw new IllegalArgumentException("not a ctrl:// address");
        }
        String t = PREFIX + text.substring(PREFIX.length());
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected ctrl://USER@HOST[:PORT]");
        }
        String user = m.group(1);
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a password cannot be part of a ctrl:// address");
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = m.group(3) == null ? CTRLS_PORT : Integer.parseInt(m.group(3));
        try {
            return new CtrlUrl(user, host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected ctrl://USER@HOST[:PORT] (user and host in ASCII)");
        }
    }

    /**
     * @param text what the user typed
     * @return the address, if the text is a valid one
     */
    public static Optional<CtrlUrl> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return {@code host:port}, with brackets around an IPv6 address (the key of a known-hosts entry) */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return {@code ctrl://user@host:port} */
    @Override
    public String toString() {
        return PREFIX + user + "@" + authority();
    }
}
