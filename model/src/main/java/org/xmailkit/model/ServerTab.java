package org.xmailkit.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * server.tab as XMail 1.27 sees it, over a lossless {@link TabDocument}: the entries (every read with two or more
 * tokens), the first occurrence of each name winning, the accessor semantics for flags, ints and strings, and the
 * problems a careful reader would point out. Edits return new instances and touch only the lines they change.
 */
public final class ServerTab {

    /**
     * How many bytes of a flag's or a number's value {@code SvrTestConfigFlag} and {@code SvrGetConfigInt} look at
     * (SvrUtils.cpp SvrConfigVar: a 64-byte buffer, 62 bytes copied; checked with the real 1.27).
     */
    static final int FLAG_BYTES = 62;

    private final TabDocument document;
    private final Catalog catalog;
    private final Charset charset;
    private final List<Entry> entries;
    private final Map<String, Entry> live;
    private final List<Entry> liveEntries;
    /** Every entry of a name, in file order. */
    private final Map<String, List<Entry>> byName;
    /** The entry the first read of a line makes, by line. */
    private final Map<Integer, Entry> byLine;

    private List<Problem> problems;

    private ServerTab(TabDocument document, Catalog catalog, Charset charset) {
        this.document = document;
        this.catalog = catalog;
        this.charset = charset;
        List<TabRecord> data = document.dataRecords();
        // Sized for every read of a usual file to be an entry, so that no map grows while it is read.
        int capacity = Math.min(data.size(), 1024) * 4 / 3 + 1;
        List<Entry> all = new ArrayList<>(data.size());
        Map<String, Entry> first = new LinkedHashMap<>(capacity);
        Map<String, List<Entry>> named = new HashMap<>(capacity);
        Map<Integer, Entry> lines = new HashMap<>(capacity);
        for (TabRecord r : data) {
            if (r.size() >= 2) {
                Entry e = new Entry(r.value(0), r.value(1), r);
                all.add(e);
                first.putIfAbsent(e.name(), e);
                named.computeIfAbsent(e.name(), k -> new ArrayList<>(1)).add(e);
                if (r.piece() == 0) {
                    lines.put(r.line(), e);
                }
            }
        }
        this.entries = Collections.unmodifiableList(all);
        this.live = Collections.unmodifiableMap(first);
        this.liveEntries = List.copyOf(first.values());
        this.byName = named;
        this.byLine = lines;
    }

    /**
     * @param bytes server.tab's bytes
     * @return the view, with the built-in catalogue and the detected encoding
     */
    public static ServerTab parse(byte[] bytes) {
        return new ServerTab(
                TabDocument.parse(bytes, TabFormat.SERVER_TAB), Catalog.builtin(), TextEncoding.detect(bytes));
    }

    /**
     * @param document a server.tab document
     * @param catalog  the catalogue for defaults and name checks
     * @param charset  the file's text encoding (for display and for encoding new values)
     * @return the view
     */
    public static ServerTab of(TabDocument document, Catalog catalog, Charset charset) {
        return new ServerTab(
                Objects.requireNonNull(document), Objects.requireNonNull(catalog), Objects.requireNonNull(charset));
    }

    /** @return the lossless document */
    public TabDocument document() {
        return document;
    }

    /** @return the catalogue */
    public Catalog catalog() {
        return catalog;
    }

    /** @return the text encoding used for display and for new values */
    public Charset charset() {
        return charset;
    }

    /** @return the bytes (unchanged input unless edited) */
    public byte[] toBytes() {
        return document.toBytes();
    }

    /** @return every entry in file order, dead duplicates included */
    public List<Entry> entries() {
        return entries;
    }

    /** @return the entries XMail uses: the first occurrence of each name, in file order */
    public List<Entry> liveEntries() {
        return liveEntries;
    }

    /**
     * @param name a name (case-sensitive)
     * @return the entry XMail uses for it
     */
    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(live.get(name));
    }

    /**
     * @param name a name
     * @return every entry with that name, in file order
     */
    public List<Entry> entries(String name) {
        List<Entry> named = byName.get(name);
        return named == null ? List.of() : Collections.unmodifiableList(named);
    }

    /**
     * @param line 1-based line
     * @return the entry the first read of that line makes, if any
     */
    public Optional<Entry> entryAt(int line) {
        return Optional.ofNullable(byLine.get(line));
    }

    /** @return whether the name is set in the file */
    public boolean has(String name) {
        return live.containsKey(name);
    }

    /** @return the entries that repeat an earlier name: XMail never uses them */
    @SuppressWarnings("ReferenceEquality") // identity: the entry XMail reads for its name is this very line
    public List<Entry> deadDuplicates() {
        return entries.stream().filter(e -> live.get(e.name()) != e).toList();
    }

    /**
     * The value XMail 1.27 uses for a name: the first line that sets it, else the catalogue default. Flags read
     * {@code ""} and non-numbers as 0; ints read {@code ""} as the default and otherwise {@code atoi}; strings are
     * the bytes as written, {@code ""} included.
     *
     * @param name a name
     * @return the effective value and where it came from
     */
    public Effective effective(String name) {
        Optional<Variable> variable = catalog.find(name);
        Variable.Accessor accessor = variable.map(Variable::accessor).orElse(Variable.Accessor.STRING);
        String def = variable.flatMap(Variable::defaultOptional).orElse(null);
        Entry e = live.get(name);
        if (e == null) {
            if (def == null) {
                return new Effective(name, variable, Effective.Origin.UNSET, null, null, Effective.Reading.AS_WRITTEN);
            }
            return new Effective(
                    name,
                    variable,
                    Effective.Origin.DEFAULT,
                    null,
                    canonical(accessor, def),
                    Effective.Reading.AS_WRITTEN);
        }
        String written = e.value();
        return switch (accessor) {
            case STRING ->
                new Effective(name, variable, Effective.Origin.FILE, e, written, Effective.Reading.AS_WRITTEN);
            case FLAG -> {
                // SvrTestConfigFlag copies the value into a small buffer before atoi: only its first bytes count.
                String kept = kept(written);
                Effective.Reading reading =
                        written.isEmpty() ? Effective.Reading.EMPTY_FLAG_IS_ZERO : numericReading(kept);
                long v = Values.atoi(kept).orElse(0);
                if (kept.length() < written.length()
                        && (v != 0) != (Values.atoi(written).orElse(0) != 0)) {
                    reading = Effective.Reading.CUT_AT_BUFFER;
                }
                yield new Effective(name, variable, Effective.Origin.FILE, e, v != 0 ? "1" : "0", reading);
            }
            case INT -> {
                if (written.isEmpty()) {
                    String value = def == null ? "0" : canonical(accessor, def);
                    yield new Effective(
                            name, variable, Effective.Origin.FILE, e, value, Effective.Reading.EMPTY_INT_IS_DEFAULT);
                }
                // SvrGetConfigInt reads through the same 64-byte buffer as flags, and atoi gives a C int.
                String kept = kept(written);
                long read = Values.atoi(kept).orElse(0);
                long value = Values.cInt(read, false);
                Effective.Reading reading = numericReading(kept);
                if (value != read) {
                    reading = Effective.Reading.OUT_OF_INT_RANGE;
                } else if (kept.length() < written.length()
                        && read != Values.atoi(written).orElse(0)) {
                    reading = Effective.Reading.CUT_AT_BUFFER;
                }
                yield new Effective(name, variable, Effective.Origin.FILE, e, Long.toString(value), reading);
            }
        };
    }

    /** The bytes of a value that SvrConfigVar's 64-byte buffer keeps for SvrTestConfigFlag and SvrGetConfigInt. */
    static String kept(String written) {
        return written.length() > FLAG_BYTES ? written.substring(0, FLAG_BYTES) : written;
    }

    private static String canonical(Variable.Accessor accessor, String value) {
        return switch (accessor) {
            case STRING -> value;
            case FLAG -> Values.atoi(value).orElse(0) != 0 ? "1" : "0";
            case INT -> Long.toString(Values.atoi(value).orElse(0));
        };
    }

    private static Effective.Reading numericReading(String written) {
        if (Values.isPlainInteger(written)) {
            return Effective.Reading.AS_WRITTEN;
        }
        String t = written;
        int i = 0;
        while (i < t.length() && Values.isCSpace(t.charAt(i))) {
            i++;
        }
        String rest = t.substring(i);
        int j = (rest.startsWith("+") || rest.startsWith("-")) ? 1 : 0;
        int digits = j;
        while (digits < rest.length() && Character.isDigit(rest.charAt(digits))) {
            digits++;
        }
        if (digits == j) {
            return Effective.Reading.NOT_A_NUMBER;
        }
        if (digits < rest.length()) {
            return Effective.Reading.TRAILING_TEXT_IGNORED;
        }
        return Effective.Reading.LEADING_BLANKS_SKIPPED;
    }

    /** @return the problems of the file, in line order */
    public List<Problem> problems() {
        List<Problem> p = problems;
        if (p == null) {
            p = List.copyOf(ServerTabLint.problems(this));
            problems = p;
        }
        return p;
    }

    /**
     * Renders Latin-1 byte text for a message: decoded in the file's encoding, control characters escaped
     * ({@link Printable}).
     *
     * @param bytesAsLatin1 bytes
     * @return printable text
     */
    public String printable(String bytesAsLatin1) {
        return Printable.of(Entry.decode(bytesAsLatin1, charset));
    }

    // ------------------------------------------------------------------ edits

    /**
     * Sets a value given as text, encoded in the file's encoding. Changes the line XMail uses for the name, keeping
     * its name token, separators, quoting style and any further columns; or appends a new line when the name is not
     * set.
     *
     * @param name  the name
     * @param value the value as text
     * @return the edited view
     * @throws EditException when the value cannot be written faithfully
     */
    public ServerTab set(String name, String value) {
        return setRaw(name, encode(name, value));
    }

    /**
     * Sets a value given as bytes (Latin-1 text, one char per byte), e.g. copied from another entry.
     *
     * @param name  the name
     * @param value the value bytes
     * @return the edited view
     * @throws EditException when the value cannot be written faithfully
     */
    public ServerTab setRaw(String name, String value) {
        checkName(name);
        checkByteText(value);
        Entry e = live.get(name);
        if (e == null) {
            return appendRaw(List.of(entryLine(name, value)));
        }
        if (e.value().equals(value)) {
            return this;
        }
        TabLine line = document.line(e.line());
        Token old = e.valueToken();
        boolean quote = old.quoted() || needsQuotes(value);
        String token = token(name, value, quote);
        int start = old.column() - 1;
        int end = start + old.raw().length();
        String raw = line.raw().substring(0, start)
                + token
                + line.raw().substring(Math.min(end, line.raw().length()));
        checkLength(name, raw);
        return with(document.replaceLine(e.line(), raw));
    }

    /**
     * Renames every line that sets {@code from}, keeping each line's value bytes and layout.
     *
     * @param from the old name
     * @param to   the new name
     * @return the edited view
     */
    public ServerTab rename(String from, String to) {
        checkName(to);
        Map<Integer, String> raws = new HashMap<>();
        for (Entry e : entries(from)) {
            String current = raws.getOrDefault(e.line(), document.line(e.line()).raw());
            Token old = e.nameToken();
            String token = token(to, to, old.quoted() || needsQuotes(to));
            int start = old.column() - 1;
            String raw = current.substring(0, start)
                    + token
                    + current.substring(start + old.raw().length());
            checkLength(to, raw);
            raws.put(e.line(), raw);
        }
        return with(document.replaceLines(raws));
    }

    /**
     * Removes every line that sets the name (dead duplicates included).
     *
     * @param name the name
     * @return the edited view
     */
    public ServerTab remove(String name) {
        List<Integer> lines = entries(name).stream()
                .map(Entry::line)
                .distinct()
                .sorted(Collections.reverseOrder())
                .toList();
        for (int n : lines) {
            if (ServerTabLint.contentLength(document.line(n).raw())
                    > document.format().readLimit()) {
                throw new EditException(EditException.Reason.SHARED_LINE, name, Integer.toString(n));
            }
        }
        return with(document.removeLines(lines));
    }

    /**
     * Inserts whole lines, already formatted (comments or entries built with {@link #entryLine}), before a line.
     *
     * @param before 1-based line to insert before; {@code document().lines().size() + 1} appends
     * @param raws   the lines as Latin-1 byte text
     * @return the edited view
     */
    public ServerTab insertRaw(int before, List<String> raws) {
        for (String r : raws) {
            checkByteText(r);
            if (r.indexOf('\n') >= 0 || r.indexOf('\r') >= 0 || r.indexOf('\0') >= 0) {
                throw new EditException(EditException.Reason.CONTROL_BYTE, printable(r));
            }
            checkLength(r, r);
        }
        return with(document.insertLines(before, raws));
    }

    /**
     * Appends whole lines at the end of the file.
     *
     * @param raws the lines as Latin-1 byte text
     * @return the edited view
     */
    public ServerTab appendRaw(List<String> raws) {
        return insertRaw(document.lines().size() + 1, raws);
    }

    /**
     * Formats a new entry line in the file's dominant quoting style: {@code "name"<TAB>"value"}.
     *
     * @param name  the name
     * @param value the value bytes (Latin-1 text)
     * @return the line bytes as Latin-1 text
     * @throws EditException when the value cannot be written faithfully
     */
    public String entryLine(String name, String value) {
        checkName(name);
        boolean quoted = prefersQuotes();
        return token(name, name, quoted || needsQuotes(name)) + "\t" + token(name, value, quoted || needsQuotes(value));
    }

    /**
     * Encodes text in the file's encoding, as Latin-1 byte text.
     *
     * @param name  the name the value is for (for the error message)
     * @param value the text
     * @return the bytes as Latin-1 text
     * @throws EditException when the encoding cannot represent the text or is unknown
     */
    public String encode(String name, String value) {
        boolean ascii = value.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return value;
        }
        if (charset.equals(StandardCharsets.US_ASCII)) {
            throw new EditException(EditException.Reason.ENCODING_UNKNOWN, name);
        }
        CharsetEncoder enc = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(value));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (CharacterCodingException ex) {
            throw new EditException(EditException.Reason.UNENCODABLE, name, charset.name());
        }
    }

    /** @return whether most entries quote their values (true when there are none) */
    public boolean prefersQuotes() {
        int quoted = 0;
        int plain = 0;
        for (Entry e : entries) {
            if (e.valueToken().quoted()) {
                quoted++;
            } else {
                plain++;
            }
        }
        return quoted >= plain;
    }

    @SuppressWarnings("ReferenceEquality") // identity: the same document means no edit
    private ServerTab with(TabDocument d) {
        return d == document ? this : new ServerTab(d, catalog, charset);
    }

    private static boolean needsQuotes(String value) {
        return value.isEmpty() || value.charAt(0) == '"';
    }

    private static String token(String name, String value, boolean quoted) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == '\0') {
                throw new EditException(EditException.Reason.CONTROL_BYTE, name);
            }
        }
        if (!quoted) {
            return value;
        }
        if (value.endsWith("\\")) {
            throw new EditException(EditException.Reason.TRAILING_BACKSLASH, name);
        }
        return "\"" + value.replace("\"", "\\\"") + "\"";
    }

    private void checkLength(String name, String raw) {
        // A terminator that spills into a second read is harmless; content beyond the limit would be cut.
        if (ServerTabLint.contentLength(raw) > document.format().readLimit()) {
            throw new EditException(
                    EditException.Reason.TOO_LONG,
                    name,
                    Integer.toString(document.format().readLimit()));
        }
    }

    /** Byte text holds one char per byte; anything above 0xFF is text that was never encoded. */
    private static void checkByteText(String bytesAsLatin1) {
        for (int i = 0; i < bytesAsLatin1.length(); i++) {
            if (bytesAsLatin1.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("not byte text (encode it first): " + bytesAsLatin1);
            }
        }
    }

    private static void checkName(String name) {
        checkByteText(name);
        if (name.isEmpty() || name.charAt(0) == '#' || name.charAt(0) == ' ') {
            throw new EditException(EditException.Reason.BAD_NAME, name);
        }
    }
}
