package org.xmailkit.migrate;

import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.MailRootFile;
import org.xmailkit.model.Secrets;
import org.xmailkit.model.Text;

/**
 * Something the administrator should know about a migration besides the edits: a behaviour change, a decision
 * only they can make, a conflict resolved, or plain information.
 *
 * @param level  how much it needs attention
 * @param stepId the step that reports it
 * @param file   the file concerned
 * @param line   the line in the original file, or 0
 * @param name   the variable concerned, or empty
 * @param text   what to say
 * @param place  where it is when that is no MailRoot file (XMail's command line in a registry export, say), else
 *               empty
 */
public record Note(Level level, String stepId, MailRootFile file, int line, String name, Text text, String place) {

    /** How much a note needs attention, least first. */
    public enum Level {
        /** For the record. */
        INFO,
        /** The server will behave differently after the upgrade. */
        BEHAVIOUR,
        /** Two settings disagreed; the one XMail reads was kept. */
        CONFLICT,
        /** Only the administrator can decide; nothing was changed for it or a choice must be reviewed. */
        DECIDE;

        /** @return the lower-case id */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Note {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(place, "place");
    }

    /**
     * A note about a MailRoot file.
     *
     * @param level  how much it needs attention
     * @param stepId the step that reports it
     * @param file   the file concerned
     * @param line   the line in the original file, or 0
     * @param name   the variable concerned, or empty
     * @param text   what to say
     */
    public Note(Level level, String stepId, MailRootFile file, int line, String name, Text text) {
        this(level, stepId, file, line, name, text, "");
    }

    /**
     * @param secrets the secrets of the server
     * @return this note with every secret in its name, text and place masked
     */
    public Note scrubbed(Secrets secrets) {
        return new Note(
                level, stepId, file, line, secrets.scrub(name), text.mapStrings(secrets::scrub), secrets.scrub(place));
    }

    /** @return where the note points: the place, else the file name and the line */
    public String where() {
        return !place.isEmpty() ? place : file.fileName() + (line > 0 ? ":" + line : "");
    }

    /**
     * @param originalLine the line in the original file
     * @return this note with it
     */
    public Note withLine(int originalLine) {
        return new Note(level, stepId, file, originalLine, name, text, place);
    }
}
