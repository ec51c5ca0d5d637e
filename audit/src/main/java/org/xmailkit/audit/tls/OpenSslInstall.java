package org.xmailkit.audit.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xmailkit.model.InputException;
import org.xmailkit.model.fs.ReadPolicy;
import org.xmailkit.model.fs.SafeReader;

/**
 * The OpenSSL files of a Windows XMail install directory (where XMail.exe is), found by name (case-insensitive) and
 * read as bytes only: nothing is ever executed. Versions come from OpenSSL's own version text
 * ({@code OpenSSL 1.1.1o  3 May 2022}), which every OpenSSL library carries; the DLL names a program uses come from
 * the import names stored in its bytes.
 */
public final class OpenSslInstall {

    private static final Pattern VERSION = Pattern.compile(
            "OpenSSL (\\d+\\.\\d+\\.\\d+[a-z]{0,2})(?:-[A-Za-z0-9]+)?\\s{1,2}\\d{1,2} [A-Z][a-z]{2} \\d{4}");

    /** DLL naming families, which tell the OpenSSL series apart. */
    public enum Family {
        /** {@code libeay32.dll} / {@code ssleay32.dll}: OpenSSL before 1.1.0 (XMail 1.27 bundles 0.9.8l). */
        PRE_1_1,
        /** {@code libcrypto-1_1.dll} / {@code libssl-1_1.dll}: OpenSSL 1.1.0 and 1.1.1. */
        V1_1,
        /** {@code libcrypto-3.dll} / {@code libssl-3.dll}: OpenSSL 3. */
        V3
    }

    /** What a file is. */
    public enum Role {
        /** The crypto library. */
        CRYPTO,
        /** The TLS library. */
        SSL,
        /** {@code openssl.exe}. */
        TOOL,
        /** {@code XMail.exe}. */
        XMAIL
    }

    private record Known(Role role, Family family) {}

    private static final Map<String, Known> NAMES = names();

    private static Map<String, Known> names() {
        Map<String, Known> m = new LinkedHashMap<>();
        m.put("libeay32.dll", new Known(Role.CRYPTO, Family.PRE_1_1));
        m.put("ssleay32.dll", new Known(Role.SSL, Family.PRE_1_1));
        m.put("libcrypto-1_1.dll", new Known(Role.CRYPTO, Family.V1_1));
        m.put("libcrypto-1_1-x64.dll", new Known(Role.CRYPTO, Family.V1_1));
        m.put("libssl-1_1.dll", new Known(Role.SSL, Family.V1_1));
        m.put("libssl-1_1-x64.dll", new Known(Role.SSL, Family.V1_1));
        m.put("libcrypto-3.dll", new Known(Role.CRYPTO, Family.V3));
        m.put("libcrypto-3-x64.dll", new Known(Role.CRYPTO, Family.V3));
        m.put("libssl-3.dll", new Known(Role.SSL, Family.V3));
        m.put("libssl-3-x64.dll", new Known(Role.SSL, Family.V3));
        m.put("openssl.exe", new Known(Role.TOOL, null));
        m.put("xmail.exe", new Known(Role.XMAIL, null));
        return Map.copyOf(m);
    }

    /**
     * One file found.
     *
     * @param path       where it is
     * @param role       what it is
     * @param family     the DLL family (for libraries), else empty
     * @param version    the OpenSSL version its bytes carry, e.g. {@code 1.1.1o}, if found
     * @param references the OpenSSL DLL names (lower case) its bytes mention, for programs; empty for libraries
     */
    public record Component(
            Path path, Role role, Optional<Family> family, Optional<String> version, Set<String> references) {
        public Component {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(version, "version");
            references = Set.copyOf(references);
        }

        /** @return the file name as found on disk */
        public String fileName() {
            return path.getFileName().toString();
        }

        /** @return the DLL families the program's bytes refer to */
        public Set<Family> referencedFamilies() {
            Set<Family> out = new LinkedHashSet<>();
            for (String r : references) {
                Known k = NAMES.get(r);
                if (k != null && k.family() != null) {
                    out.add(k.family());
                }
            }
            return out;
        }
    }

    private final Path directory;
    private final List<Component> components;
    private final List<InputException> refused;

    private OpenSslInstall(Path directory, List<Component> components, List<InputException> refused) {
        this.directory = directory;
        this.components = List.copyOf(components);
        this.refused = List.copyOf(refused);
    }

    /**
     * Lists the directory and reads the files it knows by name, through a {@link SafeReader} bounded by the
     * directory: a link leading out of it, a FIFO or a device is not read, and is named in {@link #refused()}.
     *
     * @param dir the install directory
     * @return what it holds; nothing when it is not a readable directory
     */
    public static OpenSslInstall scan(Path dir) {
        List<Component> out = new ArrayList<>();
        List<InputException> refused = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new OpenSslInstall(dir, out, refused);
        }
        SafeReader reader = SafeReader.directory(dir);
        List<Path> files;
        try {
            files = reader.list(dir, "*", SafeReader.MAX_ENTRIES);
        } catch (InputException e) {
            refused.add(e);
            return new OpenSslInstall(dir, out, refused);
        }
        for (Path p : files) {
            Known k = NAMES.get(p.getFileName().toString().toLowerCase(Locale.ROOT));
            if (k == null || reader.kind(p) == SafeReader.Kind.DIRECTORY) {
                continue;
            }
            String text;
            try {
                text = new String(reader.read(p, ReadPolicy.PROGRAM), StandardCharsets.ISO_8859_1);
            } catch (InputException e) {
                if (e.reason() != InputException.Reason.MISSING) {
                    refused.add(e);
                }
                continue;
            }
            Optional<String> version = version(text);
            Set<String> refs = Set.of();
            if (k.role() == Role.TOOL || k.role() == Role.XMAIL) {
                refs = references(text);
            }
            out.add(new Component(p, k.role(), Optional.ofNullable(k.family()), version, refs));
        }
        return new OpenSslInstall(dir, out, refused);
    }

    /** @return the files known by name that were not read (a link leaving the directory, a FIFO, too large) */
    public List<InputException> refused() {
        return refused;
    }

    /** @return the directory scanned */
    public Path directory() {
        return directory;
    }

    /** @return every file found, by name */
    public List<Component> components() {
        return components;
    }

    /**
     * @param family a DLL family
     * @return its libraries found
     */
    public List<Component> libraries(Family family) {
        return components.stream()
                .filter(c -> c.family().equals(Optional.of(family)))
                .toList();
    }

    /** @return the DLL families present */
    public Set<Family> families() {
        Set<Family> out = new LinkedHashSet<>();
        for (Family f : Family.values()) {
            if (!libraries(f).isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * @param role {@link Role#TOOL} or {@link Role#XMAIL}
     * @return that program, if present
     */
    public Optional<Component> program(Role role) {
        return components.stream().filter(c -> c.role() == role).findFirst();
    }

    /**
     * @param text bytes as Latin-1 text
     * @return the OpenSSL version the text carries most often (first found on a tie)
     */
    static Optional<String> version(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = VERSION.matcher(text);
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        // Stream.max keeps the earlier element on a tie.
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /**
     * @param version e.g. {@code 0.9.8l}, {@code 1.1.1o}, {@code 3.0.13}
     * @return the series, e.g. {@code 0.9.8}, {@code 1.1.1}, {@code 3.0}
     */
    public static String series(String version) {
        String v = version.replaceAll("[a-z]+$", "");
        String[] parts = v.split("\\.");
        if (parts.length >= 2 && !parts[0].equals("0") && !parts[0].equals("1")) {
            return parts[0] + "." + parts[1];
        }
        return v;
    }

    private static Set<String> references(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Known> e : NAMES.entrySet()) {
            if (e.getValue().family() != null && lower.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
