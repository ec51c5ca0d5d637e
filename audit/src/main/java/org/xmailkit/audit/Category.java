package org.xmailkit.audit;

import java.util.Locale;

/** What a rule is about; the report groups findings by it. Labels: {@code category.<id>} in the audit bundle. */
public enum Category {
    /** Who may connect or administer (ipmap files, CTRL). */
    ACCESS,
    /** Who may relay mail through the server. */
    RELAY,
    /** Accounts and passwords. */
    CREDENTIALS,
    /** What the server discloses about users and hosts. */
    PRIVACY,
    /** Limits against abuse and spam. */
    ABUSE,
    /** TLS settings. */
    TLS,
    /** Certificate and key material. */
    CERTIFICATE,
    /** Whether the configuration is read the way it was written. */
    VALIDITY,
    /** What changes or breaks on upgrade to 1.27. */
    UPGRADE,
    /** The localized 1.27 build. */
    LOCALIZED;

    /** @return the lower-case id */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
