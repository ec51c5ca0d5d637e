package org.xmailkit.audit;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.InputException;

/** How one server of a fleet went: audited, or failed without stopping the others. */
public sealed interface ServerAudit permits ServerAudit.Audited, ServerAudit.Unreadable, ServerAudit.Crashed {

    /** @return the MailRoot directory or bare server.tab */
    Path path();

    /** @return whether the server could not be audited */
    default boolean failed() {
        return !(this instanceof Audited);
    }

    /**
     * The server was audited.
     *
     * @param result the result
     */
    record Audited(AuditResult result) implements ServerAudit {
        public Audited {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public Path path() {
            return result.path();
        }
    }

    /**
     * The server could not be read (missing, unreadable or unusable server.tab).
     *
     * @param path  the server
     * @param error why
     */
    record Unreadable(Path path, InputException error) implements ServerAudit {
        public Unreadable {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A rule failed unexpectedly on this server (a bug in xmailkit); the other servers went on.
     *
     * @param path  the server
     * @param error the exception, for {@code --verbose}
     */
    record Crashed(Path path, Throwable error) implements ServerAudit {
        public Crashed {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * @param locale the language
     * @return for a failed server one line, {@code path:line: message}; for an audited one its path
     */
    default String failure(Locale locale) {
        if (this instanceof Unreadable u) {
            return u.error().oneLine(locale);
        }
        if (this instanceof Crashed c) {
            return c.path() + ": " + AuditMessages.get(locale, "fleet.crashed", String.valueOf(c.error()));
        }
        return path().toString();
    }
}
