package org.xmailkit.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Derives each server's id, used as its page's file name ({@code servers/<id>.html}) and as its anchor. Ids are safe
 * on every file system: ASCII letters, digits, {@code .}, {@code _} and {@code -} only, never starting with a dot,
 * never a Windows device name, at most {@link #MAX_LENGTH} characters, and distinct even on case-insensitive file
 * systems. The same inputs always give the same ids.
 *
 * <p>An id is the server's path relative to the closest directory that holds all servers, with separators turned
 * into {@code -}. When that leaves nothing readable (a name in Japanese, say) or two servers would share an id, the id
 * gets a short hash of the full path.
 */
public final class ServerIds {

    /** The longest id, the hash suffix included. */
    public static final int MAX_LENGTH = 64;

    private static final int HASH_CHARS = 8;
    private static final Set<String> DEVICE_NAMES = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private ServerIds() {}

    /**
     * @param servers the servers' paths (MailRoot directories or server.tab files), in input order
     * @return one id per path, in the same order
     */
    public static List<String> assign(List<Path> servers) {
        List<Path> abs =
                servers.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Path common = common(abs);
        List<String> base = new ArrayList<>();
        for (Path p : abs) {
            base.add(slug(relative(common, p)));
        }
        // Ids that would clash (ignoring case) or say nothing get the hash of their path.
        Map<String, Integer> uses = new HashMap<>();
        for (String b : base) {
            uses.merge(b.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < abs.size(); i++) {
            String b = base.get(i);
            boolean readable = b.chars().anyMatch(Character::isLetterOrDigit);
            String id = readable && uses.get(b.toLowerCase(Locale.ROOT)) == 1
                    ? b
                    : withHash(b, abs.get(i).toString(), 0);
            int salt = 1;
            while (!taken.add(id.toLowerCase(Locale.ROOT))) {
                // Two equal paths given twice, or a hash collision: still give distinct, stable ids.
                id = withHash(b, abs.get(i).toString(), salt++);
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    /**
     * @param text any text
     * @return it as a safe file-name fragment (may be empty)
     */
    static String slug(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else if (c == '.') {
                out.append(out.length() == 0 || out.charAt(out.length() - 1) == '.' ? '_' : '.');
            } else if (c == '/' || c == '\\') {
                out.append('-');
            } else {
                out.append('_');
            }
        }
        String s = out.toString();
        // No leading dot or dash (hidden files, options), no trailing dot or space (Windows drops them).
        s = s.replaceAll("^[.\\-]+", "").replaceAll("[.\\-]+$", "");
        if (s.length() > MAX_LENGTH - HASH_CHARS - 1) {
            s = s.substring(s.length() - (MAX_LENGTH - HASH_CHARS - 1)).replaceAll("^[.\\-]+", "");
        }
        String stem = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
        if (DEVICE_NAMES.contains(stem.toLowerCase(Locale.ROOT))) {
            s = "_" + s;
        }
        return s;
    }

    private static String withHash(String base, String path, int salt) {
        String h = hash(salt == 0 ? path : path + "\u0000" + salt);
        return base.isEmpty() ? "server-" + h : base + "-" + h;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * @param servers servers' paths
     * @return the deepest directory holding them all (for one server, its parent), or null when there is none
     */
    public static Path commonDirectory(List<Path> servers) {
        return common(servers.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    private static Path common(List<Path> paths) {
        if (paths.isEmpty()) {
            return null;
        }
        if (paths.size() == 1) {
            return paths.get(0).getParent();
        }
        Path c = paths.get(0).getParent();
        for (Path p : paths) {
            while (c != null && !p.startsWith(c)) {
                c = c.getParent();
            }
        }
        return c;
    }

    private static String relative(Path common, Path p) {
        Path r = common == null ? p : common.relativize(p);
        String s = r.toString();
        if (s.isEmpty()) {
            Path name = p.getFileName();
            s = name == null ? "" : name.toString();
        }
        return s;
    }
}
