package org.xmailkit.audit.probe;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How switching a plain connection to TLS went: SMTP {@code STARTTLS}, POP3 {@code STLS} or CTRL {@code #!TLS}.
 *
 * @param status    what happened
 * @param command   the command sent, or empty when none was
 * @param reply     the server's answer to it, or empty
 * @param handshake the handshake after a positive answer, or empty
 */
public record Upgrade(Status status, String command, String reply, String handshake) {

    /** What happened. */
    public enum Status {
        /** The server does not advertise it (EHLO, CAPA), so it was not tried. */
        NOT_OFFERED,
        /** The command was sent and refused. */
        REFUSED,
        /** The server said to go ahead, then the handshake failed. */
        FAILED,
        /** The handshake completed. */
        ESTABLISHED,
        /** Not tried: the service could not be reached, or the connection ended first. */
        NOT_TRIED
    }

    public Upgrade {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(handshake, "handshake");
    }

    /**
     * @param status NOT_OFFERED or NOT_TRIED
     * @return an upgrade that did not happen
     */
    public static Upgrade not(Status status) {
        return new Upgrade(status, "", "", "");
    }

    /** @return whether TLS was established */
    public boolean established() {
        return status == Status.ESTABLISHED;
    }

    /**
     * @param f applied to every text
     * @return the upgrade with its texts changed
     */
    public Upgrade map(UnaryOperator<String> f) {
        return new Upgrade(status, f.apply(command), f.apply(reply), f.apply(handshake));
    }
}
