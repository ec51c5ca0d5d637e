package org.xmailkit.audit.probe;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the protocol versions and cipher suites an endpoint accepts, one fresh connection per handshake: each version
 * alone with every suite that fits it; then, for each version accepted, the suites one by one (offer all that are
 * left, note the one the server picks, take it out, until the server refuses). Every connection goes through the
 * endpoint's {@link Budget}; when it is spent the result says the list is incomplete.
 */
final class TlsScanner {

    /** Why a version was not tested: the endpoint's connection or time budget was spent first. */
    static final String BUDGET = "budget";

    /** Brings a new connection to the point where the client sends its ClientHello (e.g. EHLO, STARTTLS). */
    interface Preamble {
        /**
         * @param w a new connection
         * @throws IOException when the server does not let TLS start this time
         */
        void open(Wire w) throws IOException;
    }

    /** Ends a connection politely once TLS is up (e.g. QUIT); must not throw. */
    interface Farewell {
        /** @param w the connection, inside TLS */
        void close(Wire w);
    }

    /**
     * What the scan found.
     *
     * @param protocols every version, newest first
     * @param suites    the suites accepted per version
     * @param chain     the first chain any handshake of the scan received
     * @param complete  whether the scan ran to its end
     */
    record Result(
            List<ProtocolResult> protocols, List<SuiteResult> suites, List<X509Certificate> chain, boolean complete) {}

    private final Budget budget;
    private final String host;
    private final Preamble preamble;
    private final Farewell farewell;
    private List<X509Certificate> chain = List.of();

    TlsScanner(Budget budget, String host, Preamble preamble, Farewell farewell) {
        this.budget = budget;
        this.host = host;
        this.preamble = preamble;
        this.farewell = farewell;
    }

    /**
     * One handshake on a new connection, ended politely when it completes.
     *
     * @param protocols the versions to offer
     * @param suites    the suites to offer
     * @return the handshake
     * @throws IOException when no connection could be brought to the handshake (budget spent, upgrade refused)
     */
    Handshake attempt(List<String> protocols, List<String> suites) throws IOException {
        try (Wire w = budget.connect()) {
            preamble.open(w);
            TlsClient.Attempt a =
                    TlsClient.handshake(w.socket(), host, budget.address().getPort(), protocols, suites);
            if (chain.isEmpty()) {
                chain = a.chain();
            }
            if (a.socket() != null) {
                w.secure(a.socket());
                farewell.close(w);
            }
            return a.handshake();
        }
    }

    /** @return the first chain any handshake of this scanner received */
    List<X509Certificate> chain() {
        return chain;
    }

    /** @return the versions and suites accepted */
    Result scan() {
        List<ProtocolResult> protocols = new ArrayList<>();
        List<SuiteResult> suites = new ArrayList<>();
        List<String> all = TlsClient.allSuites();
        Map<String, String> untestable = TlsPolicy.untestable();
        boolean complete = true;
        for (String p : TlsPolicy.PROTOCOLS) {
            if (untestable.containsKey(p)) {
                protocols.add(new ProtocolResult(p, ProtocolResult.Result.UNTESTED, untestable.get(p)));
                continue;
            }
            if (!complete) {
                protocols.add(new ProtocolResult(p, ProtocolResult.Result.UNTESTED, BUDGET));
                continue;
            }
            try {
                Handshake h = attempt(List.of(p), TlsClient.applicable(p, all));
                protocols.add(
                        h.ok()
                                ? new ProtocolResult(p, ProtocolResult.Result.ACCEPTED, "")
                                : new ProtocolResult(p, ProtocolResult.Result.REFUSED, h.error()));
            } catch (IOException e) {
                protocols.add(new ProtocolResult(p, ProtocolResult.Result.UNTESTED, Wire.describe(e)));
                complete = false;
            }
        }
        for (ProtocolResult p : protocols) {
            if (!p.accepted() || !complete) {
                continue;
            }
            List<String> left = new ArrayList<>(TlsClient.applicable(p.protocol(), all));
            while (!left.isEmpty()) {
                Handshake h;
                try {
                    h = attempt(List.of(p.protocol()), left);
                } catch (IOException e) {
                    complete = false;
                    break;
                }
                if (!h.ok() || !left.remove(h.suite())) {
                    break;
                }
                suites.add(new SuiteResult(p.protocol(), h.suite(), Strength.of(h.suite())));
            }
        }
        return new Result(protocols, suites, chain, complete);
    }
}
