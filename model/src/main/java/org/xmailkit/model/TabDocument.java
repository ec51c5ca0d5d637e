package org.xmailkit.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    private TabDocument(List<TabLine> lines, TabFormat format) {
        this(lines, format, null);
    }

    private TabDocument(List<TabLine> lines, TabFormat format, LineEnding inherited) {
        this.lines = Collections.unmodifiableList(lines);
        this.format = format;
        this.inherited = inherited;
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
        List<TabRecord> r = records;
        if (r == null) {
            List<TabRecord> all = new ArrayList<>(lines.size());
            for (TabLine line : lines) {
                all.addAll(line.reads(format));
            }
            r = List.copyOf(all);
            records = r;
        }
        return r;
    }

    /** @return the reads that XMail tokenises (neither blank nor comment) */
    public List<TabRecord> dataRecords() {
        return records().stream().filter(r -> r.kind() == TabRecord.Kind.DATA).toList();
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
        return new TabDocument(copy, format, evidence());
    }

    /**
     * Removes one line.
     *
     * @param number 1-based line number
     * @return the edited document
     */
    public TabDocument removeLine(int number) {
        checkNumber(number, lines.size());
        List<TabLine> copy = new ArrayList<>(lines);
        copy.remove(number - 1);
        return new TabDocument(renumber(copy), format, evidence());
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
        return new TabDocument(renumber(copy), format, evidence());
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
