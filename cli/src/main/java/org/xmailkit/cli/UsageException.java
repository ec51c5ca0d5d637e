package org.xmailkit.cli;

/** A usage error: printed as one line followed by a pointer to {@code --help}; exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the already localized message */
    public UsageException(String message) {
        super(message);
    }
}
