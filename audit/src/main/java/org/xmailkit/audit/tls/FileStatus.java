package org.xmailkit.audit.tls;

/** How a certificate or key file could be read. */
public enum FileStatus {
    /** The file does not exist. */
    MISSING,
    /**
     * The file exists but was not read by this audit: permissions, an I/O error, or refused (a link leaving the
     * MailRoot, a FIFO or device, too large).
     */
    UNREADABLE,
    /** Binary DER: OpenSSL's PEM readers, which XMail uses, do not accept it. */
    NOT_PEM,
    /** No block of the needed kind (no certificate in server.cert, no private key in server.key). */
    EMPTY,
    /** A block of the needed kind that does not parse. */
    INVALID,
    /** A passphrase-protected private key: XMail sets no passphrase callback, so it cannot load it. */
    ENCRYPTED,
    /** Read and parsed. */
    OK
}
