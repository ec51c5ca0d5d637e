package org.xmailkit.migrate;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Text;

/**
 * One edit a migration makes. Names and values are display text (decoded in the file's encoding, control bytes
 * escaped); a secret value is never kept.
 *
 * @param kind     what kind of edit
 * @param file     the file edited
 * @param line     the line in the original file, or 0 for a new line
 * @param name     the variable (for smtpfwd.tab: the domain) as it was
 * @param newName  the name afterwards (differs from {@code name} only for {@link Kind#RENAME})
 * @param oldValue the value before, or null (new line, or a secret)
 * @param newValue the value after, or null (removed line)
 * @param secret   whether the old value is a secret that must not be shown
 * @param stepId   the step that made it
 * @param reason   why, in one line
 */
public record Change(
        Kind kind,
        MailRootFile file,
        int line,
        String name,
        String newName,
        String oldValue,
        String newValue,
        boolean secret,
        String stepId,
        Text reason) {

    /** What kind of edit. */
    public enum Kind {
        /** A new line setting a variable. */
        ADD,
        /** A variable's value changed in place. */
        SET,
        /** A line now sets another name (its value may change too). */
        RENAME,
        /** Lines removed. */
        REMOVE,
        /** A comment line added. */
        COMMENT;

        /** @return the lower-case id */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newName, "newName");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(reason, "reason");
        if (secret) {
            oldValue = null;
        }
    }

    /** @return the names this change affects: the old and new name */
    public Set<String> names() {
        Set<String> s = new LinkedHashSet<>();
        s.add(name);
        s.add(newName);
        return s;
    }

    /**
     * @param originalLine the line in the original file
     * @return this change with it
     */
    public Change withLine(int originalLine) {
        return new Change(kind, file, originalLine, name, newName, oldValue, newValue, secret, stepId, reason);
    }
}
