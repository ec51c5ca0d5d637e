package org.xmailkit.migrate.steps;

import java.util.Collection;
import java.util.List;
import org.xmailkit.model.EditException;
import org.xmailkit.model.Entry;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Token;

/** Line-level edits the ServerTab API does not offer directly. All keep every other line's bytes. */
final class Edits {

    private Edits() {}

    /**
     * @param tab   server.tab
     * @param lines physical line numbers to remove
     * @return the edited view
     */
    @SuppressWarnings("ReferenceEquality") // identity: the same document means no edit
    static ServerTab removeLines(ServerTab tab, Collection<Integer> lines) {
        TabDocument d = tab.document().removeLines(lines);
        return d == tab.document() ? tab : ServerTab.of(d, tab.catalog(), tab.charset());
    }

    /**
     * @param tab  server.tab
     * @param line a physical line number
     * @param raw  its new bytes (Latin-1 text, no terminator); the line keeps its terminator
     * @return the edited view
     */
    static ServerTab replaceLine(ServerTab tab, int line, String raw) {
        return ServerTab.of(tab.document().replaceLine(line, raw), tab.catalog(), tab.charset());
    }

    /**
     * Renames the line XMail uses for {@code from} to {@code to}, after removing the dead duplicates of {@code from}
     * (lines XMail never read, in any version, as the first occurrence always won). {@code to} must not be set.
     *
     * @param tab  server.tab
     * @param from the old name
     * @param to   the new name
     * @return the edited view
     */
    static ServerTab renameLive(ServerTab tab, String from, String to) {
        Entry live = tab.entry(from).orElseThrow();
        List<Integer> dead = tab.entries(from).stream()
                .map(Entry::line)
                .filter(n -> n != live.line())
                .toList();
        return removeLines(tab, dead).rename(from, to);
    }

    /**
     * Replaces one token of a line in any .tab document, keeping its quoting, the bytes XMail discards after a
     * closing quote, and the rest of the line.
     *
     * @param doc    the document
     * @param record the read holding the token
     * @param index  0-based token index
     * @param value  the new value bytes (Latin-1 text)
     * @param what   what the value is for, named in an error
     * @return the edited document
     * @throws EditException when the value cannot be written faithfully
     */
    static TabDocument replaceToken(TabDocument doc, TabRecord record, int index, String value, String what) {
        Token t = record.tokens().get(index);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == '\0') {
                throw new EditException(EditException.Reason.CONTROL_BYTE, what);
            }
        }
        String token;
        if (t.quoted()) {
            if (value.endsWith("\\")) {
                throw new EditException(EditException.Reason.TRAILING_BACKSLASH, what);
            }
            token = "\"" + value.replace("\"", "\\\"") + (t.closed() ? "\"" + t.trailing() : "");
        } else {
            token = value;
        }
        TabLine line = doc.line(record.line());
        int start = t.column() - 1;
        String raw = line.raw().substring(0, start)
                + token
                + line.raw().substring(start + t.raw().length());
        if (raw.length() + line.ending().text().length() > doc.format().readLimit()) {
            throw new EditException(
                    EditException.Reason.TOO_LONG,
                    what,
                    Integer.toString(doc.format().readLimit()));
        }
        return doc.replaceLine(record.line(), raw);
    }
}
