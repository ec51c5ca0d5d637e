package org.xmailkit.audit.startup;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;
import org.xmailkit.model.InputException;
import org.xmailkit.model.TextEncoding;

/**
 * A Windows registry export ({@code .reg}) holding XMail's key. XMail for Windows reads MAIL_CMD_LINE and MAIL_ROOT
 * from {@code HKEY_LOCAL_MACHINE\SOFTWARE\GNU\<exe name>} (SysDepWin.cpp SysGetEnv; the key is named after the
 * executable since 1.16), and a 32-bit XMail on 64-bit Windows finds it under {@code SOFTWARE\Wow6432Node\GNU} (the
 * 1.27 Readme). The value is read into a 2048-byte buffer: a longer one is not read at all, and XMail falls back
 * to the environment variable of the same name. Exports come as REGEDIT5 (UTF-16LE with a byte order mark, CRLF)
 * or REGEDIT4 (the ANSI code page: Shift_JIS on Japanese Windows); strings escape {@code \} and {@code "} with a
 * backslash; {@code hex(2):} holds an expandable string, which XMail reads without expanding.
 */
final class RegistryExport {

    /** XMail's buffer for a registry value, NUL included. */
    static final int VALUE_BUFFER = 2048;

    private static final String HKLM = "HKEY_LOCAL_MACHINE\\";
    private static final String NATIVE = "SOFTWARE\\GNU\\";
    private static final String WOW64 = "SOFTWARE\\WOW6432NODE\\GNU\\";

    /** A value of the key: its text and where it is. */
    private record Value(String text, int line, boolean expand, boolean string) {}

    /** One of the keys XMail may read. */
    private static final class Key {
        final String path;
        final boolean wow64;
        final String exe;
        final Map<String, Value> values = new LinkedHashMap<>();

        Key(String path, boolean wow64, String exe) {
            this.path = path;
            this.wow64 = wow64;
            this.exe = exe;
        }

        Optional<Value> value(String name) {
            return Optional.ofNullable(values.get(name.toUpperCase(Locale.ROOT)));
        }

        boolean any() {
            return value("MAIL_CMD_LINE").isPresent() || value("MAIL_ROOT").isPresent();
        }
    }

    private RegistryExport() {}

    static Startup read(byte[] bytes, Path file, boolean automatic) throws InputException {
        boolean utf16 = bytes.length >= 2
                && (((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
                        || ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF));
        Charset charset;
        int skip = 0;
        if (utf16) {
            charset = (bytes[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (TextEncoding.hasUtf8Bom(bytes)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else {
            // REGEDIT4 is written in the ANSI code page; for the Japanese administrators this is Shift_JIS.
            charset = TextEncoding.decodes(bytes, TextEncoding.WINDOWS_31J)
                    ? TextEncoding.WINDOWS_31J
                    : TextEncoding.detect(bytes);
        }
        String text = new String(bytes, skip, bytes.length - skip, charset);
        List<String> lines = text.lines().toList();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String header = first < lines.size() ? lines.get(first).strip() : "";
        boolean regedit5 = header.equalsIgnoreCase("Windows Registry Editor Version 5.00");
        if (!regedit5 && !header.equalsIgnoreCase("REGEDIT4")) {
            throw new InputException(file, first + 1, InputException.Reason.NOT_A_REGISTRY_EXPORT);
        }
        Charset hexStrings = regedit5 ? StandardCharsets.UTF_16LE : TextEncoding.WINDOWS_31J;
        List<OptionIssue> issues = new ArrayList<>();
        List<Key> keys = new ArrayList<>();
        Key current = null;
        for (int i = first + 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder logical = new StringBuilder(lines.get(i).stripTrailing());
            while (continuesHex(logical) && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(lines.get(++i).strip());
            }
            String l = logical.toString().strip();
            if (l.isEmpty() || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("[")) {
                current = key(l, keys);
                continue;
            }
            if (current == null || !l.startsWith("\"")) {
                continue;
            }
            int[] end = new int[1];
            String name = quoted(l, 0, end);
            if (name == null) {
                continue;
            }
            String rest = l.substring(end[0]).stripLeading();
            if (!rest.startsWith("=")) {
                continue;
            }
            rest = rest.substring(1).strip();
            String upper = name.toUpperCase(Locale.ROOT);
            if (rest.equals("-")) {
                current.values.remove(upper);
            } else if (rest.startsWith("\"")) {
                String v = quoted(rest, 0, end);
                current.values.put(upper, new Value(v == null ? rest.substring(1) : v, lineNo, false, true));
            } else if (rest.regionMatches(true, 0, "hex(2):", 0, 7) || rest.regionMatches(true, 0, "hex(1):", 0, 7)) {
                boolean expand = rest.charAt(4) == '2';
                current.values.put(upper, new Value(hexString(rest.substring(7), hexStrings), lineNo, expand, true));
            } else {
                current.values.put(upper, new Value(rest, lineNo, false, false));
            }
        }
        return choose(keys, file, automatic, issues);
    }

    /** A hex value continues on the next line after a trailing backslash. */
    private static boolean continuesHex(StringBuilder logical) {
        String s = logical.toString();
        return s.endsWith("\\") && s.contains("=hex");
    }

    private static Key key(String line, List<Key> keys) {
        int close = line.lastIndexOf(']');
        String path = line.substring(1, close < 0 ? line.length() : close).strip();
        if (path.startsWith("-")) {
            String deleted = path.substring(1).toUpperCase(Locale.ROOT);
            keys.removeIf(k -> k.path.toUpperCase(Locale.ROOT).equals(deleted));
            return null;
        }
        String upper = path.toUpperCase(Locale.ROOT);
        if (!upper.startsWith(HKLM)) {
            return null;
        }
        String sub = upper.substring(HKLM.length());
        boolean wow = sub.startsWith(WOW64);
        String prefix = wow ? WOW64 : NATIVE;
        if (!sub.startsWith(prefix)) {
            return null;
        }
        String exe = path.substring(HKLM.length() + prefix.length());
        if (exe.isEmpty() || exe.contains("\\")) {
            return null;
        }
        Key k = new Key(path, wow, exe);
        keys.removeIf(x -> x.path.equalsIgnoreCase(path));
        keys.add(k);
        return k;
    }

    /** A quoted registry string: backslash escapes the next character ({@code \\} and {@code \"}). */
    private static String quoted(String s, int from, int[] end) {
        if (from >= s.length() || s.charAt(from) != '"') {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else if (c == '"') {
                end[0] = i + 1;
                return b.toString();
            } else {
                b.append(c);
            }
        }
        end[0] = s.length();
        return null;
    }

    /** {@code xx,xx,...} bytes of a string in the export's encoding, NULs at the end dropped. */
    private static String hexString(String hex, Charset charset) {
        String[] parts = hex.replace("\\", "").split(",");
        byte[] b = new byte[parts.length];
        int n = 0;
        for (String p : parts) {
            String t = p.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                b[n++] = (byte) Integer.parseInt(t, 16);
            } catch (NumberFormatException e) {
                n--;
            }
        }
        String s = new String(b, 0, Math.max(0, n), charset);
        int cut = s.indexOf('\0');
        return cut >= 0 ? s.substring(0, cut) : s;
    }

    /**
     * Takes the key named after XMail.exe, the native one before its Wow6432Node twin: which one XMail reads depends
     * on whether the installed XMail.exe is a 32- or 64-bit build, which the export does not tell.
     */
    private static Startup choose(List<Key> keys, Path file, boolean automatic, List<OptionIssue> issues)
            throws InputException {
        List<Key> useful = keys.stream()
                .filter(Key::any)
                .sorted((a, b) -> {
                    int x = Boolean.compare(!a.exe.equalsIgnoreCase("XMail"), !b.exe.equalsIgnoreCase("XMail"));
                    return x != 0 ? x : Boolean.compare(a.wow64, b.wow64);
                })
                .toList();
        if (useful.isEmpty()) {
            throw new InputException(file, 0, InputException.Reason.NO_XMAIL_KEY);
        }
        Key key = useful.get(0);
        for (Key other : useful.subList(1, useful.size())) {
            String mine = key.value("MAIL_CMD_LINE").map(Value::text).orElse("");
            String theirs = other.value("MAIL_CMD_LINE").map(Value::text).orElse("");
            if (!mine.equals(theirs)) {
                issues.add(
                        OptionIssue.of(Code.REGISTRY_TWO_KEYS, Treatment.UNDEFINED, -1, key.path, other.path, theirs));
            }
        }
        String holder = key.path;
        List<Arg> args = new ArrayList<>();
        Optional<Value> cmd = key.value("MAIL_CMD_LINE");
        if (cmd.isPresent()) {
            Value v = cmd.get();
            Place place = new Place(Optional.of(file), v.line(), "MAIL_CMD_LINE");
            int ansi = v.text().getBytes(TextEncoding.WINDOWS_31J).length;
            if (!v.string()) {
                issues.add(OptionIssue.of(Code.NOT_EVALUATED, Treatment.UNDEFINED, -1, "MAIL_CMD_LINE", v.text()));
            } else if (ansi + 1 > VALUE_BUFFER) {
                issues.add(OptionIssue.of(
                        Code.REGISTRY_VALUE_TOO_LONG, Treatment.IGNORED, -1, "MAIL_CMD_LINE", ansi, VALUE_BUFFER - 1));
            } else {
                if (v.expand() && v.text().contains("%")) {
                    issues.add(OptionIssue.of(Code.REGISTRY_EXPAND, Treatment.MISREAD, -1, "MAIL_CMD_LINE"));
                }
                for (String t : Tokens.split(v.text())) {
                    args.add(new Arg(t, place, true));
                }
            }
        }
        Optional<Startup.Value> root = key.value("MAIL_ROOT")
                .filter(Value::string)
                .map(v -> {
                    if (v.expand() && v.text().contains("%")) {
                        issues.add(OptionIssue.of(Code.REGISTRY_EXPAND, Treatment.MISREAD, -1, "MAIL_ROOT"));
                    }
                    return new Startup.Value(v.text(), new Place(Optional.of(file), v.line(), "MAIL_ROOT"));
                });
        return new Startup(
                Startup.Kind.REGISTRY,
                Optional.of(file),
                automatic,
                Platform.WINDOWS,
                holder,
                args,
                root,
                issues,
                List.of());
    }
}
