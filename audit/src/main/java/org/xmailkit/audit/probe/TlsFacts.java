package org.xmailkit.audit.probe;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What TLS on one endpoint looks like: the handshake an ordinary client gets, the protocol versions and cipher
 * suites the endpoint accepts, and the certificate chain it serves.
 *
 * @param implicit  whether TLS starts with the first byte (SMTPS, POP3S, CTRLS) rather than after an upgrade command
 * @param handshake the handshake with the JDK's default suites and every protocol the probe can offer
 * @param protocols every protocol version, accepted, refused or untested, newest first
 * @param suites    the suites accepted, per protocol, in the order found
 * @param chain     the certificates served, leaf first (empty when no handshake got that far)
 * @param complete  whether the suite list is complete (false when the connection or time budget ran out)
 */
public record TlsFacts(
        boolean implicit,
        Handshake handshake,
        List<ProtocolResult> protocols,
        List<SuiteResult> suites,
        List<X509Certificate> chain,
        boolean complete) {

    public TlsFacts {
        Objects.requireNonNull(handshake, "handshake");
        protocols = List.copyOf(protocols);
        suites = List.copyOf(suites);
        chain = List.copyOf(chain);
    }

    /** @return whether any handshake completed */
    public boolean works() {
        return handshake.ok() || protocols.stream().anyMatch(ProtocolResult::accepted);
    }

    /**
     * @param protocol a protocol name such as {@code TLSv1}
     * @return its result, if it was part of the probe
     */
    public Optional<ProtocolResult> protocol(String protocol) {
        return protocols.stream().filter(p -> p.protocol().equals(protocol)).findFirst();
    }

    /**
     * @param strength a strength
     * @return the accepted suites of that strength
     */
    public List<SuiteResult> suites(Strength strength) {
        return suites.stream().filter(s -> s.strength() == strength).toList();
    }

    /** @return the leaf certificate served, if any */
    public Optional<X509Certificate> leaf() {
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }

    /**
     * @param f applied to the error texts (certificates are public and kept as they are)
     * @return the facts with their texts changed
     */
    public TlsFacts map(UnaryOperator<String> f) {
        return new TlsFacts(
                implicit,
                handshake.map(f),
                protocols.stream()
                        .map(p -> new ProtocolResult(p.protocol(), p.result(), f.apply(p.detail())))
                        .toList(),
                suites,
                chain,
                complete);
    }
}
