package org.xmailkit.audit.startup;

import java.util.Objects;

/**
 * A socket XMail listens on.
 *
 * @param service the service
 * @param kind    what the address is
 * @param address the address as XMail binds it ({@code 0.0.0.0} and {@code ::} for every address, a host name as
 *                written)
 * @param port    the port; 0 when the system picks a free one
 * @param arg     the index of the {@code -xI} value in {@link XMailOptions#args()}, or -1 for the default socket
 */
public record Listener(Group service, Kind kind, String address, int port, int arg) {

    /** What the bound address is. */
    public enum Kind {
        /** Every IPv4 address ({@code 0.0.0.0}). */
        ANY_V4,
        /** Every IPv6 address ({@code ::}); on Linux also every IPv4 address (dual stack). */
        ANY_V6,
        /** One IPv4 address. */
        V4,
        /** One IPv6 address. */
        V6,
        /** A host name, resolved when XMail starts. */
        NAME
    }

    public Listener {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
    }

    /** @return whether it accepts connections on every address */
    public boolean everyAddress() {
        return kind == Kind.ANY_V4 || kind == Kind.ANY_V6;
    }

    /** @return whether it accepts only connections from the host itself */
    public boolean loopback() {
        return switch (kind) {
            case V4 -> address.startsWith("127.");
            case V6 -> address.equals("::1");
            default -> false;
        };
    }

    /** @return whether connections speak TLS from the first byte */
    public boolean implicitTls() {
        return service.implicitTls();
    }

    /** @return {@code address:port}, with IPv6 in brackets and {@code *} for a port the system picks */
    public String display() {
        String host = kind == Kind.V6 || kind == Kind.ANY_V6 ? "[" + address + "]" : address;
        return host + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
