package org.xmailkit.audit;

import java.nio.charset.Charset;
import org.xmailkit.model.Effective;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabFile;

/**
 * The one way every rule group shows what it read, in evidence and in messages: bytes decoded in their file's
 * encoding, secrets masked ({@link Secrets}), TABs shown as {@code <TAB>} and control characters escaped
 * ({@link Printable#showingTabs}), and long texts cut. A byte of a MailRoot reads the same whichever rule shows it.
 */
public final class Evidence {

    /** Evidence (a whole line) longer than this many characters is cut: over-long lines are reported, not copied. */
    public static final int LINE_MAX = 200;

    /** Values quoted in messages are cut at this many characters. */
    public static final int VALUE_MAX = 120;

    private Evidence() {}

    /**
     * @param file a MailRoot file
     * @param line 1-based line
     * @return the line as evidence (its secrets, an account's password column included, masked); "" for no line
     */
    public static String line(TabFile file, int line) {
        if (line < 1 || line > file.document().lines().size()) {
            return "";
        }
        return cut(Printable.showingTabs(Secrets.line(file, line)), LINE_MAX);
    }

    /**
     * @param tab  server.tab
     * @param line 1-based line
     * @return the line as evidence; "" for no line
     */
    public static String line(ServerTab tab, int line) {
        if (line < 1 || line > tab.document().lines().size()) {
            return "";
        }
        // Through the document's own reads of the line, not a second tokenizing of it.
        return cut(Printable.showingTabs(Secrets.line(tab, line)), LINE_MAX);
    }

    /**
     * @param tab server.tab
     * @param e   an effective value
     * @return the line that set it as evidence, or none when it comes from the default
     */
    public static String[] setting(ServerTab tab, Effective e) {
        return e.line() == 0 ? new String[0] : new String[] {line(tab, e.line())};
    }

    /**
     * @param tab   server.tab
     * @param bytes a value or name as Latin-1 byte text
     * @return it decoded for a message, password forms masked ({@link Secrets#forms}), cut when very long
     */
    public static String show(ServerTab tab, String bytes) {
        return cut(Printable.showingTabs(Secrets.forms(Entry.decode(bytes, tab.charset()))), VALUE_MAX);
    }

    /**
     * @param tab   server.tab
     * @param bytes a name as Latin-1 byte text
     * @return it decoded for a message, without a secret glued to it ({@link Secrets#name})
     */
    public static String name(ServerTab tab, String bytes) {
        return show(tab, Secrets.name(bytes));
    }

    /**
     * @param tab   server.tab
     * @param name  the name the value belongs to
     * @param bytes the value as Latin-1 byte text
     * @return it decoded for a message as {@link Secrets#value} allows, cut when very long
     */
    public static String value(ServerTab tab, String name, String bytes) {
        return cut(Printable.showingTabs(Secrets.value(name, Entry.decode(bytes, tab.charset()))), VALUE_MAX);
    }

    /**
     * @param tab  server.tab
     * @param name a variable
     * @return its effective value for a message ("" when unset), as {@link #value} shows it
     */
    public static String effective(ServerTab tab, String name) {
        Effective e = tab.effective(name);
        return e.value() == null ? "" : value(tab, name, e.value());
    }

    /**
     * @param bytesAsLatin1 bytes of another MailRoot file as Latin-1 text (a column of a row)
     * @param charset       the file's encoding
     * @return them decoded for a message, password forms masked, cut when very long
     */
    public static String decoded(String bytesAsLatin1, Charset charset) {
        return cut(Printable.showingTabs(Secrets.forms(Entry.decode(bytesAsLatin1, charset))), VALUE_MAX);
    }

    /**
     * @param text text already decoded (a path, a name made of several columns, a certificate's subject)
     * @return it for a message: control characters escaped, TABs shown, cut when very long
     */
    public static String text(String text) {
        return cut(Printable.showingTabs(text), LINE_MAX);
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\u2026";
    }
}
