package org.xmailkit.audit.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything a probe observed on one host.
 *
 * @param host      the host as given
 * @param address   the address connected to, or empty when the name did not resolve
 * @param source    the local address the connections came from (what the server saw), or empty
 * @param started   when the probe started
 * @param elapsed   how long it took
 * @param endpoints one entry per service probed, in the order asked
 * @param untested  the protocol versions this Java runtime could not offer, as {@code VERSION: reason} with a reason
 *                  of {@link TlsPolicy} ({@code SSLv2: unsupported})
 * @param error     why the host could not be probed at all ({@link #UNKNOWN_HOST}), or empty
 */
public record HostProbe(
        String host,
        String address,
        String source,
        Instant started,
        Duration elapsed,
        List<EndpointProbe> endpoints,
        List<String> untested,
        String error) {

    /** The error of a host whose name does not resolve. */
    public static final String UNKNOWN_HOST = "unknownHost";

    public HostProbe {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(elapsed, "elapsed");
        endpoints = List.copyOf(endpoints);
        untested = List.copyOf(untested);
        Objects.requireNonNull(error, "error");
    }

    /** @return whether the host could be probed at all */
    public boolean probed() {
        return error.isEmpty();
    }

    /**
     * @param service a service
     * @return the first endpoint probed for it
     */
    public Optional<EndpointProbe> endpoint(Service service) {
        return endpoints.stream().filter(e -> e.endpoint().service() == service).findFirst();
    }

    /**
     * What an output may show when the MailRoot is known: every text the server sent passed through {@code f},
     * typically the MailRoot's secret scrubber (a server has no business echoing a password, but its replies are
     * input like any other).
     *
     * @param f applied to every text the server sent
     * @return the observations with their texts changed
     */
    public HostProbe map(UnaryOperator<String> f) {
        return new HostProbe(
                host,
                address,
                source,
                started,
                elapsed,
                endpoints.stream().map(e -> e.map(f)).toList(),
                untested,
                error);
    }
}
