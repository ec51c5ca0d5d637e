package org.xmailkit.audit.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Everything observed on one endpoint.
 *
 * @param endpoint    what was probed
 * @param state       whether anything answered
 * @param detail      for a state other than OPEN, what happened (e.g. the connection error); else empty
 * @param greeting    the first reply (inside TLS for SMTPS, POP3S, CTRLS), or none
 * @param software    the software and version the greeting names, e.g. {@code XMail 1.27}, or empty
 * @param smtp        SMTP observations, for SMTP, submission and SMTPS
 * @param pop3        POP3 observations, for POP3 and POP3S
 * @param ctrl        CTRL observations, for CTRL and CTRLS
 * @param tls         TLS observations, when TLS was offered (an upgrade advertised, or an implicit-TLS port)
 * @param connections how many TCP connections the probe opened
 * @param elapsed     how long it took
 * @param limited     whether the connection or time budget stopped the probe before it was done
 */
public record EndpointProbe(
        Endpoint endpoint,
        State state,
        String detail,
        Reply greeting,
        String software,
        Optional<SmtpFacts> smtp,
        Optional<Pop3Facts> pop3,
        Optional<CtrlFacts> ctrl,
        Optional<TlsFacts> tls,
        int connections,
        Duration elapsed,
        boolean limited) {

    /** Whether the endpoint answered. */
    public enum State {
        /** It answered (a TCP connection and, except on implicit-TLS ports, a greeting). */
        OPEN,
        /** Nothing listens: the connection was refused. A fact, not an error. */
        CLOSED,
        /** No answer within the time-out (a firewall dropping packets, or a host that is down). */
        NO_ANSWER,
        /** Something answered, but not the service expected (an unexpected greeting). */
        OTHER_SERVICE
    }

    public EndpointProbe {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(pop3, "pop3");
        Objects.requireNonNull(ctrl, "ctrl");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return whether it answered */
    public boolean open() {
        return state == State.OPEN;
    }

    /**
     * @param f applied to every text the server sent
     * @return the observations with their texts changed
     */
    public EndpointProbe map(UnaryOperator<String> f) {
        return new EndpointProbe(
                endpoint,
                state,
                f.apply(detail),
                greeting.map(f),
                f.apply(software),
                smtp.map(s -> s.map(f)),
                pop3.map(p -> p.map(f)),
                ctrl.map(c -> c.map(f)),
                tls.map(t -> t.map(f)),
                connections,
                elapsed,
                limited);
    }
}
