package org.xmailkit.audit.behaviour;

import java.util.Objects;
import java.util.Optional;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.model.XMailVersion;

/**
 * Where an SMTP session takes place: the XMail release and its TLS library, the client and the address it connects
 * to, and what reverse DNS says about both. DNS is assumed to know nothing else: the probe domains end in
 * {@code .invalid}, which never resolves, and DNS blocklists never list a loopback client.
 *
 * @param version    the XMail release (1.26 and 1.27 differ in the built-in DefaultSmtpPerms)
 * @param lp64       whether the build's C {@code long} has 64 bits (Linux builds; Windows builds have 32), which
 *                   decides how numbers beyond C's int range read
 * @param tls        the OpenSSL the build uses
 * @param client     the client's address
 * @param clientName the client's reverse DNS name, if it has one
 * @param local      the address the client connected to
 * @param localPort  the port it connected to
 * @param localName  that address's reverse DNS name, if it has one
 */
public record SmtpConditions(
        XMailVersion version,
        boolean lp64,
        TlsLibrary tls,
        IpAddress client,
        Optional<String> clientName,
        IpAddress local,
        int localPort,
        Optional<String> localName) {

    /** The name loopback addresses have in a hosts file. */
    public static final String LOCALHOST = "localhost";

    public SmtpConditions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(localName, "localName");
    }

    /**
     * @param version   the XMail release
     * @param lp64      whether it is a build with 64-bit C longs (Linux)
     * @param tls       its TLS library
     * @param localPort the SMTP port
     * @return a client on 127.0.0.1 talking to XMail on 127.0.0.1, both named localhost by reverse DNS
     */
    public static SmtpConditions loopback(XMailVersion version, boolean lp64, TlsLibrary tls, int localPort) {
        IpAddress loopback = IpAddress.of("127.0.0.1");
        return new SmtpConditions(
                version, lp64, tls, loopback, Optional.of(LOCALHOST), loopback, localPort, Optional.of(LOCALHOST));
    }

    /**
     * @param v another release
     * @return the same session on that release
     */
    public SmtpConditions withVersion(XMailVersion v) {
        return new SmtpConditions(v, lp64, tls, client, clientName, local, localPort, localName);
    }
}
