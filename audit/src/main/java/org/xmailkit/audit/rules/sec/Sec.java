package org.xmailkit.audit.rules.sec;

import java.nio.file.Path;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Location;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Printable;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TabFile;

/** Locations and evidence shared by the SEC rules. Evidence never carries a password: see {@link Secrets}. */
final class Sec {

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
        return new String[] {printable(Secrets.line(ctx.tab(), e.line()))};
    }

    /** @return a line of a MailRoot file as evidence, its secrets masked (an account's password column included) */
    static String line(TabFile file, int line) {
        return printable(Secrets.line(file, line));
    }

    /** Control characters escaped ({@link Printable}); long lines are cut. */
    static String printable(String s) {
        String p = Printable.of(s);
        return p.length() <= EVIDENCE_MAX ? p : p.substring(0, EVIDENCE_MAX) + "\u2026";
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
        return printable(Secrets.forms(file.display(String.join(" ", row.columns()))));
    }
}
