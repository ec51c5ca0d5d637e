package org.xmailkit.audit.rules.cfg;

import java.nio.charset.Charset;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.audit.Text;
import org.xmailkit.model.Entry;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabDocument;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.TabRecord;

/**
 * Builds findings about lines of server.tab (and other {@code .tab} files) for the CFG, UPG and LOC rules: where
 * they are, and the line as the file shows it, decoded for display, with TABs shown as {@code <TAB>} and secrets
 * hidden.
 */
public final class TabFindings {

    /** How a TAB is shown in evidence and in suggested lines. */
    public static final String TAB = Printable.TAB;

    /** Evidence longer than this many characters is cut (over-long lines are reported, not reproduced). */
    static final int EVIDENCE_MAX = 200;

    /** Values quoted in messages are cut at this many characters. */
    static final int VALUE_MAX = 120;

    private TabFindings() {
    }

    /**
     * @param rule    the rule
     * @param ctx     the audit context
     * @param entry   the server.tab entry concerned
     * @param column  1-based column, or 0 for the start of the line
     * @param message what was found
     * @return a finding at that entry, with the line as evidence
     */
    public static Finding at(RuleInfo rule, AuditContext ctx, Entry entry, int column, Text message) {
        return atLine(rule, ctx, entry.line(), column, entry.name(), message);
    }

    /**
     * @param rule     the rule
     * @param ctx      the audit context
     * @param line     1-based line of server.tab
     * @param column   1-based column, or 0 for the start of the line
     * @param variable the variable concerned, or empty
     * @param message  what was found
     * @return a finding at that line, with the line as evidence
     */
    public static Finding atLine(RuleInfo rule, AuditContext ctx, int line, int column, String variable, Text message) {
        ServerTab tab = ctx.tab();
        return Finding.of(rule, new Location(ctx.root().serverTabPath(), line, Math.max(1, column), variable), message,
                evidence(tab.document(), tab.charset(), line));
    }

    /**
     * @param rule     the rule
     * @param ctx      the audit context
     * @param variable the variable concerned (usually an absent one), or empty
     * @param message  what was found
     * @return a finding about server.tab as a whole
     */
    public static Finding atFile(RuleInfo rule, AuditContext ctx, String variable, Text message) {
        return Finding.of(rule, new Location(ctx.root().serverTabPath(), 0, 0, variable), message);
    }

    /**
     * The line as the file shows it: decoded in the file's encoding, TABs as {@code <TAB>}, control characters
     * escaped ({@link Printable}), secrets masked ({@link Secrets#line}), and cut when very long.
     *
     * @param doc     server.tab's document
     * @param charset its encoding
     * @param line    1-based line
     * @return the evidence text
     */
    public static String evidence(TabDocument doc, Charset charset, int line) {
        if (line < 1 || line > doc.lines().size()) {
            return "";
        }
        String shown = Secrets.maskedRaw(doc.line(line), MailRootFile.SERVER_TAB);
        return clip(Printable.showingTabs(Secrets.forms(Entry.decode(shown, charset))), EVIDENCE_MAX);
    }

    /**
     * @param file a MailRoot file
     * @param line 1-based line
     * @return the line as evidence, as {@link #evidence(TabDocument, Charset, int)} shows server.tab's
     */
    public static String evidence(TabFile file, int line) {
        if (line < 1 || line > file.document().lines().size()) {
            return "";
        }
        return clip(Printable.showingTabs(Secrets.line(file, line)), EVIDENCE_MAX);
    }

    /**
     * Decodes byte text for display: TABs as {@code <TAB>}, control characters escaped ({@link Printable}).
     *
     * @param bytesAsLatin1 bytes as Latin-1 text
     * @param charset       the real encoding
     * @return printable text
     */
    public static String display(String bytesAsLatin1, Charset charset) {
        return Printable.showingTabs(Entry.decode(bytesAsLatin1, charset));
    }

    /**
     * @param tab   server.tab
     * @param bytes a value or name as Latin-1 byte text
     * @return it decoded for a message, password forms masked ({@link Secrets#forms}), cut when very long
     */
    public static String show(ServerTab tab, String bytes) {
        return clip(Printable.showingTabs(Secrets.forms(Entry.decode(bytes, tab.charset()))), VALUE_MAX);
    }

    /**
     * @param tab   server.tab
     * @param bytes a name as Latin-1 byte text
     * @return it decoded for a message, without a secret glued to it ({@link Secrets#name})
     */
    public static String showName(ServerTab tab, String bytes) {
        return show(tab, Secrets.name(bytes));
    }

    /**
     * @param tab   server.tab
     * @param name  the name the value belongs to
     * @param bytes the value as Latin-1 byte text
     * @return it decoded for a message as {@link Secrets#value} allows, cut when very long
     */
    public static String showValue(ServerTab tab, String name, String bytes) {
        return clip(Printable.showingTabs(Secrets.value(name, Entry.decode(bytes, tab.charset()))), VALUE_MAX);
    }

    /**
     * A server.tab line as an administrator should write it, for messages: {@code "Name"<TAB>"Value"}, with
     * {@code "} in the value escaped as XMail expects.
     *
     * @param name  the name
     * @param value the value as text
     * @return the display form
     */
    public static String line(String name, String value) {
        return "\"" + name + "\"" + TAB + "\"" + value.replace("\"", "\\\"") + "\"";
    }

    /**
     * A server.tab line with a real TAB, for {@link RuleInfo#remediationLines()}.
     *
     * @param name  the name
     * @param value the value
     * @return the line
     */
    public static String rawLine(String name, String value) {
        return "\"" + name + "\"\t\"" + value.replace("\"", "\\\"") + "\"";
    }

    /**
     * @param tab  server.tab
     * @param line 1-based line
     * @return the first read of that line, if it is a data line
     */
    public static Optional<TabRecord> record(ServerTab tab, int line) {
        if (line < 1 || line > tab.document().lines().size()) {
            return Optional.empty();
        }
        TabRecord first = tab.document().reads(line).get(0);
        return first.kind() == TabRecord.Kind.DATA ? Optional.of(first) : Optional.empty();
    }

    /**
     * @param tab  server.tab
     * @param line 1-based line
     * @return the entry the first read of that line makes, if any
     */
    public static Optional<Entry> entryAt(ServerTab tab, int line) {
        return tab.entryAt(line);
    }

    /**
     * @param text a text
     * @return whether it holds a byte of 0x80 or above (Latin-1 byte text)
     */
    public static boolean hasNonAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
