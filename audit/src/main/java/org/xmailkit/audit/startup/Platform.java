package org.xmailkit.audit.startup;

/** The system XMail runs on, as far as the command line's origin tells: some behaviour differs between them. */
public enum Platform {
    /** A Windows service (the command line came from the registry). */
    WINDOWS,
    /** A Unix daemon (init script, defaults file or systemd unit). */
    UNIX,
    /** Not known (a command line typed with {@code --cmdline}). */
    UNKNOWN
}
