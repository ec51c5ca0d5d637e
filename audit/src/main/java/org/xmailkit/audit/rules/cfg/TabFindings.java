package org.xmailkit.audit.rules.cfg;

import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Finding;
import org.xmailkit.audit.Location;
import org.xmailkit.audit.RuleInfo;
import org.xmailkit.model.Entry;
import org.xmailkit.model.Printable;
import org.xmailkit.model.ServerTab;
import org.xmailkit.model.TabRecord;
import org.xmailkit.model.Text;

/**
 * Builds findings about lines of server.tab (and other {@code .tab} files) for the CFG, UPG and LOC rules: where
 * they are, and the line as the file shows it, decoded for display, with TABs shown as {@code <TAB>} and secrets
 * hidden.
 */
public final class TabFindings {

    /** How a TAB is shown in evidence and in suggested lines. */
    public static final String TAB = Printable.TAB;

    private TabFindings() {}

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
        return Finding.of(
                rule,
                new Location(ctx.root().serverTabPath(), line, Math.max(1, column), variable),
                message,
                Evidence.line(tab, line));
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
}
