package org.xmailkit.audit.probe;

import java.util.Objects;

/**
 * One service of one host: what a probe connects to.
 *
 * @param host    the host as given (a name or an address literal, IPv6 without brackets)
 * @param port    the TCP port
 * @param service the service expected there
 */
public record Endpoint(String host, int port, Service service) {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(service, "service");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** @return {@code host:port}, an IPv6 address in brackets: what waiver globs are matched against */
    public String display() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return e.g. {@code smtps 127.0.0.1:465} */
    public String label() {
        return service.id() + " " + display();
    }
}
