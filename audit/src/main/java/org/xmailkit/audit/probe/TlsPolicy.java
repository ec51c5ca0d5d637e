package org.xmailkit.audit.probe;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * What this Java runtime lets the probe offer. The JDK refuses SSL 3.0, TLS 1.0, TLS 1.1 and the broken cipher suites
 * through the security property {@code jdk.tls.disabledAlgorithms}, which JSSE reads once, when it is first used.
 * {@link #allowLegacy()} takes those entries out of the property for this process, so that the probe can tell whether
 * a server still accepts them; it must run before any TLS connection of the process (the probe commands call it
 * first). The probe names the versions and suites of each of its connections; any other TLS client of the process
 * (the CTRL client of a {@code ctrl://} input) keeps TLS 1.2 and later by default ({@code jdk.tls.client.protocols}).
 * Whatever the runtime still cannot offer is listed by {@link #untestable()}, and the outputs say so plainly; SSL 2.0
 * is never available in Java.
 */
public final class TlsPolicy {

    /** The property JSSE reads. */
    static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    /** The system property of the protocol versions a client offers when it does not name them. */
    static final String CLIENT_PROTOCOLS = "jdk.tls.client.protocols";
    /** The entries the probe takes out (protocol versions and cipher families it must be able to offer). */
    static final Set<String> LEGACY = Set.of("SSLv3", "TLSv1", "TLSv1.1", "RC4", "DES", "3DES_EDE_CBC", "anon", "NULL");
    /** The versions the probe tests, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");

    private static Map<String, String> untestable;

    private TlsPolicy() {}

    /**
     * Re-enables, for this process only, the protocol versions and cipher suites the JDK disables by default. Has no
     * effect once JSSE has been used in the process; {@link #untestable()} then says what is missing.
     */
    public static synchronized void allowLegacy() {
        String value = Security.getProperty(PROPERTY);
        if (value == null || untestable != null) {
            return;
        }
        List<String> keep = new ArrayList<>();
        for (String entry : value.split(",")) {
            String e = entry.strip();
            if (!e.isEmpty() && !LEGACY.contains(e)) {
                keep.add(e);
            }
        }
        Security.setProperty(PROPERTY, String.join(", ", keep));
        // Any other TLS client of the process (the CTRL client of a ctrl:// input) keeps TLS 1.2 and later by
        // default; the probe names the versions it offers on each connection.
        if (System.getProperty(CLIENT_PROTOCOLS) == null) {
            System.setProperty(CLIENT_PROTOCOLS, "TLSv1.3,TLSv1.2");
        }
    }

    /** Why the runtime cannot offer a version: Java has no SSL 2.0 at all. */
    public static final String UNSUPPORTED = "unsupported";
    /** Why the runtime cannot offer a version: {@code jdk.tls.disabledAlgorithms} still refuses it in this process. */
    public static final String DISABLED = "disabled";
    /** Why the runtime cannot offer a version: the runtime has no TLS at all. */
    public static final String UNAVAILABLE = "unavailable";

    /**
     * @return the protocol versions the probe cannot offer in this process, each with the reason
     *         ({@link #UNSUPPORTED}, {@link #DISABLED}, {@link #UNAVAILABLE}), SSLv2 first
     */
    public static synchronized Map<String, String> untestable() {
        if (untestable == null) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("SSLv2", UNSUPPORTED);
            for (String p : PROTOCOLS) {
                String why = check(p);
                if (!why.isEmpty()) {
                    out.put(p, why);
                }
            }
            untestable = Map.copyOf(out);
        }
        return untestable;
    }

    /** @return the versions the probe can offer, newest first */
    public static List<String> testable() {
        Map<String, String> missing = untestable();
        return PROTOCOLS.stream().filter(p -> !missing.containsKey(p)).toList();
    }

    /** Starts a client handshake in memory, with no peer: a protocol the runtime refuses fails at once. */
    private static String check(String protocol) {
        try {
            SSLContext c = TlsClient.context(new TlsClient.Recorder());
            SSLEngine e = c.createSSLEngine();
            e.setUseClientMode(true);
            e.setEnabledProtocols(new String[] {protocol});
            e.setEnabledCipherSuites(c.getSupportedSSLParameters().getCipherSuites());
            e.beginHandshake();
            e.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(e.getSession().getPacketBufferSize()));
            return "";
        } catch (SSLException | IllegalArgumentException e) {
            return DISABLED;
        } catch (GeneralSecurityException e) {
            return UNAVAILABLE;
        }
    }
}
