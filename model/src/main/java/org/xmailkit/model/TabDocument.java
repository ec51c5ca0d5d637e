package org.xmailkit.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lossless model of any XMail {@code .tab} file: every physical line is kept (entries, comments, blanks,
 * malformed lines) with its own terminator, so {@code parse(bytes).toBytes()} equals {@code bytes} for any byte
 * sequence. Instances are immutable; edits return new documents that share the untouched lines.
 */
public final class TabDocument {

    private final List<TabLine> lines;
    private final TabFormat format;
    /** The terminator the document this one was edited from used, for when no terminated line is left. */
    private final LineEnding inherited;

    private List<TabRecord> records;
    private List<TabRecord> dataRecords;
    /** For line n (1-based), its reads are {@code records[start[n-1], start[n])}. */
    private int[] start;

    /** Shared by a parsed document and every document edited from it: their source lines compare. */
    private final Object lineage;
    /** For each line, the line of the parsed document it comes from (0: written by an edit); null: itself. */
    private final int[] origin;

    /**
     * The document this one was edited from, when its reads were made, until this one's are made: a line it holds
     * unchanged is not read again (only renumbered). Null once this one's reads are made, so no chain of old
     * documents is kept.
     */
    private TabDocument readFrom;
    /** For each line, the line of {@link #readFrom} it may be (0: none); null: the same number. */
    private int[] readLine;

    private TabDocument(List<TabLine> lines, TabFormat format) {
        this(lines, format, null, new Object(), null);
    }

    private TabDocument(List<TabLine> lines, TabFormat format, LineEnding inherited, Object lineage, int[] origin) {
        this.lines = Collections.unmodifiableList(lines);
        this.format = format;
        this.inherited = inherited;
        this.lineage = lineage;
        this.origin = origin;
    }

    /**
     * An edited copy: same lineage, the given source lines.
     *
     * @param fromThis for each line of the copy, the line of this document it was (0: none); null: the same number
     */
    private TabDocument edited(List<TabLine> copy, int[] sourceLines, int[] fromThis) {
        TabDocument d = new TabDocument(copy, format, evidence(), lineage, sourceLines);
        if (indexed()) {
            d.readFrom = this;
            d.readLine = fromThis;
        }
        return d;
    }

    private synchronized boolean indexed() {
        return records != null;
    }

    /**
     * Splits bytes into physical lines at each LF. A CR right before the LF belongs to the terminator (CRLF); any
     * other CR stays in the line. Never throws on content.
     *
     * @param bytes  the file's bytes
     * @param format how XMail reads this kind of file
     * @return the document
     */
    public static TabDocument parse(byte[] bytes, TabFormat format) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        List<TabLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < all.length()) {
            int lf = all.indexOf('\n', start);
            if (lf < 0) {
                lines.add(new TabLine(number, all.substring(start), LineEnding.NONE));
                break;
            }
            boolean crlf = lf > start && all.charAt(lf - 1) == '\r';
            String raw = all.substring(start, crlf ? lf - 1 : lf);
            lines.add(new TabLine(number++, raw, crlf ? LineEnding.CRLF : LineEnding.LF));
            start = lf + 1;
        }
        return new TabDocument(lines, format);
    }

    /**
     * Parses a server.tab file.
     *
     * @param bytes the file's bytes
     * @return the document
     */
    public static TabDocument parse(byte[] bytes) {
        return parse(bytes, TabFormat.SERVER_TAB);
    }

    /** @return the physical lines, in order, numbered from 1 */
    public List<TabLine> lines() {
        return lines;
    }

    /**
     * @param number 1-based line number
     * @return that line
     */
    public TabLine line(int number) {
        return lines.get(number - 1);
    }

    /** @return how XMail reads this file */
    public TabFormat format() {
        return format;
    }

    /** @return every read XMail makes of the file, comments and blanks included, in file order */
    public List<TabRecord> records() {
        index();
        return records;
    }

    /**
     * @param number 1-based line number
     * @return the reads XMail makes of that line (one, or more for a line longer than the reader's buffer)
     */
    public List<TabRecord> reads(int number) {
        checkNumber(number, lines.size());
        index();
        return records.subList(start[number - 1], start[number]);
    }

    /** @return the reads that XMail tokenises (neither blank nor comment) */
    public List<TabRecord> dataRecords() {
        List<TabRecord> d = dataRecords;
        if (d == null) {
            List<TabRecord> data = new ArrayList<>(lines.size());
            for (TabRecord r : records()) {
                if (r.kind() == TabRecord.Kind.DATA) {
                    data.add(r);
                }
            }
            d = Collections.unmodifiableList(data);
            dataRecords = d;
        }
        return d;
    }

    /** Reads every line once, remembering where each line's reads start (documents are read from many threads). */
    private synchronized void index() {
        if (records != null) {
            return;
        }
        List<TabRecord> all = new ArrayList<>(lines.size());
        int[] at = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            at[i] = all.size();
            TabLine line = lines.get(i);
            List<TabRecord> known = knownReads(i, line);
            all.addAll(known != null ? known : line.reads(format));
        }
        at[lines.size()] = all.size();
        start = at;
        records = Collections.unmodifiableList(all);
        readFrom = null;
        readLine = null;
    }

    /**
     * @return the reads of a line that the document this one was edited from held with the same bytes and
     *         terminator, with this line's number; null when there is none
     */
    private List<TabRecord> knownReads(int index, TabLine line) {
        int from = readFrom == null ? 0 : readLine == null ? index + 1 : readLine[index];
        if (from < 1 || from > readFrom.lines.size()) {
            return null;
        }
        TabLine old = readFrom.line(from);
        if (old.ending() != line.ending() || !old.raw().equals(line.raw())) {
            return null;
        }
        List<TabRecord> reads = readFrom.reads(from);
        if (old.number() == line.number()) {
            return reads;
        }
        List<TabRecord> renumbered = new ArrayList<>(reads.size());
        for (TabRecord r : reads) {
            renumbered.add(new TabRecord(line.number(), r.piece(), r.column(), r.text(), r.kind(), r.tokens()));
        }
        return renumbered;
    }

    /** @return the document's bytes: the input unchanged unless edited */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() * 40);
        for (TabLine line : lines) {
            out.writeBytes(line.bytes());
        }
        return out.toByteArray();
    }

    /**
     * @return the terminator most lines use; CRLF when tied; when no terminated line is left, the terminator of the
     *         document this one was edited from (so removing lines never changes the style of lines added later),
     *         else CRLF
     */
    public LineEnding dominantEnding() {
        LineEnding counted = countedEnding();
        if (counted != null) {
            return counted;
        }
        return inherited != null ? inherited : LineEnding.CRLF;
    }

    /** @return the terminator most lines use, CRLF when tied, null when no line is terminated */
    private LineEnding countedEnding() {
        int lf = 0;
        int crlf = 0;
        for (TabLine line : lines) {
            if (line.ending() == LineEnding.LF) {
                lf++;
            } else if (line.ending() == LineEnding.CRLF) {
                crlf++;
            }
        }
        if (lf == 0 && crlf == 0) {
            // Conservative: XMailCFG and XMail's Windows builds write CRLF; a one-line file gives no evidence.
            return null;
        }
        return lf > crlf ? LineEnding.LF : LineEnding.CRLF;
    }

    /** @return the ending evidence to hand on to an edited copy */
    private LineEnding evidence() {
        LineEnding counted = countedEnding();
        return counted != null ? counted : inherited;
    }

    /** @return whether the last line lacks a terminator */
    public boolean lacksFinalNewline() {
        return !lines.isEmpty() && lines.get(lines.size() - 1).ending() == LineEnding.NONE;
    }

    /**
     * Replaces the bytes of one line, keeping its terminator.
     *
     * @param number 1-based line number
     * @param raw    the new bytes (Latin-1 text) without terminator
     * @return the edited document
     */
    public TabDocument replaceLine(int number, String raw) {
        checkNumber(number, lines.size());
        List<TabLine> copy = new ArrayList<>(lines);
        TabLine old = copy.get(number - 1);
        copy.set(number - 1, new TabLine(number, raw, old.ending()));
        return edited(copy, origin, null);
    }

    /**
     * Replaces the bytes of several lines at once (one copy of the document, however many lines), keeping their
     * terminators.
     *
     * @param raws the new bytes (Latin-1 text, without terminator) by 1-based line number
     * @return the edited document
     */
    public TabDocument replaceLines(Map<Integer, String> raws) {
        if (raws.isEmpty()) {
            return this;
        }
        List<TabLine> copy = new ArrayList<>(lines);
        for (Map.Entry<Integer, String> e : raws.entrySet()) {
            int number = e.getKey();
            checkNumber(number, lines.size());
            TabLine old = copy.get(number - 1);
            copy.set(number - 1, new TabLine(number, e.getValue(), old.ending()));
        }
        return edited(copy, origin, null);
    }

    /**
     * Removes one line.
     *
     * @param number 1-based line number
     * @return the edited document
     */
    public TabDocument removeLine(int number) {
        return removeLines(List.of(number));
    }

    /**
     * Removes several lines at once (one copy of the document, however many lines).
     *
     * @param numbers 1-based line numbers (repeats allowed)
     * @return the edited document
     */
    public TabDocument removeLines(Collection<Integer> numbers) {
        if (numbers.isEmpty()) {
            return this;
        }
        boolean[] gone = new boolean[lines.size()];
        for (int n : numbers) {
            checkNumber(n, lines.size());
            gone[n - 1] = true;
        }
        List<TabLine> copy = new ArrayList<>(lines.size());
        int[] kept = new int[lines.size()];
        int[] was = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (!gone[i]) {
                kept[copy.size()] = sourceLine(i + 1);
                was[copy.size()] = i + 1;
                copy.add(lines.get(i));
            }
        }
        return edited(renumber(copy), Arrays.copyOf(kept, copy.size()), Arrays.copyOf(was, copy.size()));
    }

    /**
     * Inserts lines before the given line (or at the end with {@code lines().size() + 1}). New lines take the
     * document's dominant terminator. Appending to a file without a final newline terminates the old last line and
     * leaves the new last line unterminated, so the file keeps its style.
     *
     * @param before 1-based number of the line to insert before; size + 1 appends
     * @param raws   the new lines' bytes (Latin-1 text) without terminators
     * @return the edited document
     */
    public TabDocument insertLines(int before, List<String> raws) {
        checkNumber(before, lines.size() + 1);
        if (raws.isEmpty()) {
            return this;
        }
        LineEnding eol = dominantEnding();
        List<TabLine> copy = new ArrayList<>(lines.size() + raws.size());
        copy.addAll(lines.subList(0, before - 1));
        boolean appendingAfterUnterminated = before == lines.size() + 1 && lacksFinalNewline();
        if (appendingAfterUnterminated) {
            TabLine last = copy.remove(copy.size() - 1);
            copy.add(new TabLine(last.number(), last.raw(), eol));
        }
        for (int i = 0; i < raws.size(); i++) {
            boolean lastNew = i == raws.size() - 1;
            LineEnding ending = appendingAfterUnterminated && lastNew ? LineEnding.NONE : eol;
            copy.add(new TabLine(0, raws.get(i), ending));
        }
        copy.addAll(lines.subList(before - 1, lines.size()));
        int[] from = new int[copy.size()];
        int[] was = new int[copy.size()];
        for (int i = 0; i < copy.size(); i++) {
            int old = i < before - 1 ? i + 1 : i >= before - 1 + raws.size() ? i + 1 - raws.size() : 0;
            from[i] = old == 0 ? 0 : sourceLine(old);
            was[i] = old;
        }
        return edited(renumber(copy), from, was);
    }

    /**
     * Where a line comes from: edits keep track of the parsed document they started from, so a migration knows
     * which line of the file on disk each line of its result replaces, without comparing texts.
     *
     * @param number 1-based line number
     * @return the line of the parsed document this one was edited from (itself, if not edited), 0 for a line an edit
     *         inserted; a replaced line keeps the number of the line it replaced
     */
    public int sourceLine(int number) {
        checkNumber(number, lines.size());
        return origin == null ? number : origin[number - 1];
    }

    /**
     * @param other another document
     * @return whether both were edited from the same parsed document (or are it), so their {@link #sourceLine}
     *         numbers refer to the same lines
     */
    public boolean sameSource(TabDocument other) {
        return lineage == other.lineage;
    }

    private static List<TabLine> renumber(List<TabLine> in) {
        List<TabLine> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            out.add(in.get(i).withNumber(i + 1));
        }
        return out;
    }

    private static void checkNumber(int number, int max) {
        if (number < 1 || number > max) {
            throw new IndexOutOfBoundsException("line " + number + " not in 1.." + max);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabDocument d && d.format.equals(format) && d.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + format.hashCode();
    }
}
