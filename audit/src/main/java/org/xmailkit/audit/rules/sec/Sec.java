package org.xmailkit.audit.rules.sec;

import java.nio.file.Path;
import java.util.Optional;
import org.xmailkit.audit.AuditContext;
import org.xmailkit.audit.Evidence;
import org.xmailkit.audit.Location;
import org.xmailkit.model.Effective;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.TabFile;

/** Locations and evidence shared by the SEC rules. Evidence never carries a password: see {@link Secrets}. */
final class Sec {

    private Sec() {}

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
        return Evidence.text(Secrets.forms(file.display(String.join(" ", row.columns()))));
    }
}
