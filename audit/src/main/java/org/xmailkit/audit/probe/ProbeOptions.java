package org.xmailkit.audit.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How politely and for how long to probe.
 *
 * @param timeout         the most a connection attempt or one reply may take
 * @param endpointLimit   the most time spent on one endpoint, all its connections included
 * @param connectionLimit the most connections opened to one endpoint
 * @param pause           the pause between two connections to the same endpoint
 * @param parallelHosts   the most hosts probed at once (the services of one host are probed one after another)
 * @param clock           the clock for the start time
 */
public record ProbeOptions(
        Duration timeout, Duration endpointLimit, int connectionLimit, Duration pause, int parallelHosts, Clock clock) {

    /** The default time-out per connection attempt or reply. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The most time-out the command line accepts. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    public ProbeOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(endpointLimit, "endpointLimit");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout out of range: " + timeout);
        }
        if (connectionLimit < 1 || parallelHosts < 1 || pause.isNegative()) {
            throw new IllegalArgumentException("bad limits");
        }
    }

    /** @return the defaults: 10 s per reply, 3 minutes and 150 connections per endpoint, 20 ms apart, 4 hosts */
    public static ProbeOptions defaults() {
        return new ProbeOptions(
                TIMEOUT, Duration.ofMinutes(3), 150, Duration.ofMillis(20), 4, Clock.system(ZoneId.systemDefault()));
    }

    /**
     * @param t a time-out
     * @return these options with it (the time per endpoint grows with it: at least 18 time-outs)
     */
    public ProbeOptions withTimeout(Duration t) {
        Duration limit = t.multipliedBy(18).compareTo(endpointLimit) > 0 ? t.multipliedBy(18) : endpointLimit;
        return new ProbeOptions(t, limit, connectionLimit, pause, parallelHosts, clock);
    }

    /**
     * @param c a clock
     * @return these options with it
     */
    public ProbeOptions withClock(Clock c) {
        return new ProbeOptions(timeout, endpointLimit, connectionLimit, pause, parallelHosts, c);
    }
}
