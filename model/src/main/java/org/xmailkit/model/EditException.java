package org.xmailkit.model;

import java.util.List;
import java.util.Locale;

/** An edit that cannot be written so that XMail reads back exactly the value asked for. */
public final class EditException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Messages MESSAGES = ModelMessages.MESSAGES;

    /** Why an edit was refused. */
    public enum Reason {
        /** The value or name holds a TAB, CR, LF or NUL byte. */
        CONTROL_BYTE,
        /** A quoted value ending in a backslash reads back with a quote instead of the backslash. */
        TRAILING_BACKSLASH,
        /** The line would be longer than XMail reads in one piece. */
        TOO_LONG,
        /** The file's encoding cannot represent a character of the value. */
        UNENCODABLE,
        /** The file holds only ASCII, so the encoding for non-ASCII text is unknown. */
        ENCODING_UNKNOWN,
        /** The name is empty or not usable as a server.tab name. */
        BAD_NAME,
        /** The line is longer than one read, so it may hold more settings: removing it would remove them too. */
        SHARED_LINE
    }

    private final Reason reason;
    private final List<String> args;

    /**
     * @param reason why
     * @param args   message values (the name first)
     */
    public EditException(Reason reason, String... args) {
        super(MESSAGES.get(Locale.ENGLISH, "edit." + reason.name(), (Object[]) args));
        this.reason = reason;
        this.args = List.of(args);
    }

    /** @return why the edit was refused */
    public Reason reason() {
        return reason;
    }

    /**
     * @param locale the language
     * @return the message in that language
     */
    public String message(Locale locale) {
        return MESSAGES.get(locale, "edit." + reason.name(), args.toArray());
    }
}
