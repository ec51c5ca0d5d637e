package org.xmailkit.audit.probe;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The connections and time one endpoint may take: every connection goes through {@link #connect}, which waits the
 * pause after the previous one and refuses once the count or the deadline is reached.
 */
final class Budget {

    /** Thrown when the budget is spent; the probe of the endpoint stops there and says so. */
    static final class Spent extends IOException {
        private static final long serialVersionUID = 1L;

        Spent() {
            super("the connection or time budget of the endpoint is spent");
        }
    }

    private final InetSocketAddress address;
    private final ProbeOptions options;
    private final long deadline;
    private int connections;
    private boolean spent;
    private String source = "";

    Budget(InetSocketAddress address, ProbeOptions options) {
        this.address = address;
        this.options = options;
        this.deadline = System.nanoTime() + options.endpointLimit().toNanos();
    }

    /**
     * @return a new connection
     * @throws Spent       when no more connections may be opened
     * @throws IOException when the connection cannot be opened
     */
    Wire connect() throws IOException {
        if (connections >= options.connectionLimit() || System.nanoTime() > deadline) {
            spent = true;
            throw new Spent();
        }
        if (connections > 0 && !options.pause().isZero()) {
            try {
                Thread.sleep(options.pause().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        connections++;
        Wire w = Wire.connect(address, options.timeout());
        if (source.isEmpty()) {
            source = w.localAddress();
        }
        return w;
    }

    /** @return whether another connection may still be opened */
    boolean left() {
        return connections < options.connectionLimit() && System.nanoTime() <= deadline;
    }

    /** @return how many connections were opened */
    int connections() {
        return connections;
    }

    /** @return whether a connection was refused because the budget was spent */
    boolean spent() {
        return spent;
    }

    /** @return the local address of the first connection, or empty */
    String source() {
        return source;
    }

    /** @return the endpoint's address */
    InetSocketAddress address() {
        return address;
    }
}
