package org.xmailkit.audit.probe;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One command of a probe and the reply it got.
 *
 * @param command the command as sent
 * @param reply   the reply
 */
public record Exchange(String command, Reply reply) {

    public Exchange {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
    }

    /** @return e.g. {@code VRFY postmaster -> 252 Argument not checked} */
    public String text() {
        return command + " -> " + reply.text();
    }

    /**
     * @param f applied to every text
     * @return the exchange with its texts changed
     */
    public Exchange map(UnaryOperator<String> f) {
        return new Exchange(f.apply(command), reply.map(f));
    }
}
