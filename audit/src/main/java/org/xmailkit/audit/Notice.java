package org.xmailkit.audit;

import java.util.Objects;
import org.xmailkit.model.Text;

/**
 * Something about the audit itself the user must know, though it is not a finding: an inline waiver that cannot be
 * honoured (no reason, unknown rule, written in a file without comments).
 *
 * @param location where
 * @param message  what
 */
public record Notice(Location location, Text message) {

    public Notice {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
