package org.xmailkit.report;

import java.util.Locale;

/** How ready a server is for the migration to the target version. */
public enum Readiness {
    /** The plan changes nothing a server does: only renames, format fixes and explicit old defaults. */
    CLEAN,
    /** The plan applies, but the server will behave differently afterwards; each change is listed. */
    BEHAVIOUR_CHANGES,
    /** The plan could not be made (unreadable input, an edit XMail's format cannot hold). */
    FAILED,
    /** No migration plan was made for this report. */
    NOT_PLANNED;

    /** @return the lower-case id, used in message keys and CSS classes */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
