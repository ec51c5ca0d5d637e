package org.xmailkit.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.probe.HostProbe;

/**
 * What a {@link NetRule} sees.
 *
 * @param probe   what the host showed on the wire
 * @param files   the MailRoot the server runs on, when given ({@code --mailroot}, {@code audit --probe})
 * @param options the audit options (clock, certificate thresholds, profile)
 */
public record NetContext(HostProbe probe, Optional<AuditContext> files, AuditOptions options) {

    public NetContext {
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(options, "options");
    }

    /** @return the current time, from the options' clock */
    public Instant now() {
        return options.clock().instant();
    }
}
