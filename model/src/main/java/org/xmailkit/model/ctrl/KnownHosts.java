package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The certificates of CTRL servers seen before: one line per server, {@code host:port SHA256-HEX}, {@code #} lines
 * are comments. A server not yet listed is trusted on first use and added; a listed one must present the same
 * certificate. Reads and writes are serialised within the process (a fleet connects to many servers at once).
 */
public final class KnownHosts {

    private static final Object LOCK = new Object();
    private static final String HEADER =
            "# xmailkit: CTRL server certificates (host:port SHA-256), trusted on first use\n";

    private KnownHosts() {}

    /**
     * @param file      the known-hosts file (may not exist yet)
     * @param authority {@code host:port}
     * @return the recorded fingerprint (64 lower-case hex digits), if any
     * @throws IOException when the file cannot be read
     */
    public static Optional<String> lookup(Path file, String authority) throws IOException {
        synchronized (LOCK) {
            return Optional.ofNullable(read(file).get(authority));
        }
    }

    /**
     * Records a server's fingerprint unless one is already there (a parallel session may have added it).
     *
     * @param file        the known-hosts file
     * @param authority   {@code host:port}
     * @param fingerprint 64 hex digits
     * @return the fingerprint now recorded for it (the one given, or the one found)
     * @throws IOException when the file cannot be written
     */
    public static String record(Path file, String authority, String fingerprint) throws IOException {
        synchronized (LOCK) {
            Map<String, String> entries = read(file);
            String existing = entries.get(authority);
            if (existing != null) {
                return existing;
            }
            byte[] old = PrivateFiles.readSmall(file);
            String text = old == null ? HEADER : new String(old, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text += "\n";
            }
            text += authority + " " + CtrlTrust.normalise(fingerprint) + "\n";
            PrivateFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
            return CtrlTrust.normalise(fingerprint);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        byte[] bytes = PrivateFiles.readSmall(file);
        if (bytes == null) {
            return out;
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length == 2) {
                try {
                    out.putIfAbsent(f[0].toLowerCase(Locale.ROOT), CtrlTrust.normalise(f[1]));
                } catch (IllegalArgumentException e) {
                    // Not a fingerprint: the line is ignored, so the server counts as unknown only if no other
                    // line names it.
                }
            }
        }
        return out;
    }
}
