package org.xmailkit.cli;

/** What xmailkit's exit status means; the same list is printed by {@code xmailkit --help}. */
public enum ExitCode {
    /** Success. */
    OK(0),
    /** Findings at or above {@code --fail-on} (audit, report). */
    FINDINGS(1),
    /** Usage error: unknown command or option, bad option value. */
    USAGE(2),
    /** An input could not be read or parsed at all, or a single server's files could not be written. */
    INPUT(3),
    /** A batch finished, but some servers failed. */
    PARTIAL(4),
    /** An unexpected internal error (a bug; rerun with --verbose and report it). */
    INTERNAL(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
