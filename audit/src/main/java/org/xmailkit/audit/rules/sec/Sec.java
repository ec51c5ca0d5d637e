package org.xmailkit.audit.rules.sec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Location;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.TabFile;
import org.xmailkit.model.TabLine;
import org.xmailkit.model.Token;

/** Locations and evidence shared by the SEC rules. Evidence never carries a password: see {@link #masked}. */
final class Sec {

    /** What replaces a secret in evidence; fixed, so it does not reveal the secret's length either. */
    static final String MASK = "********";

    private static final int EVIDENCE_MAX = 200;

    private Sec() {
    }

    /** @return the location of a line of a MailRoot file */
    static Location at(TabFile file, int line) {
        return Location.line(file.path(), line, "");
    }

    /** @return the location of a whole MailRoot file */
    static Location at(TabFile file) {
        return Location.file(file.path());
    }

    /** @return the location for a MailRoot file that does not exist: the MailRoot directory */
    static Location missing(AuditContext ctx) {
        return Location.file(ctx.root().directory());
    }

    /** @return the location of a server.tab variable: its line, or the file (line 0) when it is absent */
    static Location var(AuditContext ctx, Effective e) {
        return new Location(ctx.root().serverTabPath(), e.line(), e.line() > 0 ? 1 : 0, e.name());
    }

    /** @return the server.tab line that sets a variable, as evidence, or nothing when it is absent */
    static String[] varEvidence(AuditContext ctx, Effective e) {
        if (e.line() == 0) {
            return new String[0];
        }
        TabLine line = ctx.tab().document().line(e.line());
        return new String[] {printable(org.xmailkit.model.Entry.decode(line.raw(), ctx.tab().charset()))};
    }

    /** @return a line of a MailRoot file as evidence */
    static String line(TabFile file, int line) {
        return printable(file.display(file.document().line(line).raw()));
    }

    /**
     * @param file   the file
     * @param row    the line
     * @param column the 0-based column holding a secret
     * @return the physical line with that column's token replaced by {@link #MASK}
     */
    static String masked(TabFile file, TabFile.Row row, int column) {
        String raw = file.document().line(row.line()).raw();
        List<Token> tokens = row.record().tokens();
        if (column < tokens.size()) {
            Token t = tokens.get(column);
            int start = t.column() - 1;
            int end = Math.min(raw.length(), start + t.raw().length());
            if (start >= 0 && start <= raw.length()) {
                String repl = t.quoted() ? "\"" + MASK + "\"" : MASK;
                raw = raw.substring(0, start) + repl + raw.substring(end);
            }
        }
        return printable(file.display(raw));
    }

    /** Control bytes (other than TAB) and a BOM become {@code \xNN}; long lines are cut. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), EVIDENCE_MAX) + 8);
        for (int i = 0; i < s.length(); i++) {
            if (out.length() >= EVIDENCE_MAX) {
                out.append('\u2026');
                break;
            }
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c == '\uFEFF') {
                out.append(String.format("\\x%02X", (int) c & 0xFF));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a path relative to the MailRoot, with forward slashes, for messages */
    static String relative(AuditContext ctx, Path p) {
        try {
            return ctx.root().directory().relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    /** @return the file, when the MailRoot has it */
    static Optional<TabFile> file(AuditContext ctx, MailRootFile kind) {
        return ctx.root().file(kind);
    }

    /** @return a row's columns joined by spaces, for messages (never used on rows that hold a secret) */
    static String columns(TabFile file, TabFile.Row row) {
        return printable(file.display(String.join(" ", row.columns())));
    }
}
