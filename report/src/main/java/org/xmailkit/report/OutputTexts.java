package org.xmailkit.report;

import java.util.Locale;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.model.InputException;
import org.xmailkit.model.Messages;

/** The texts of the audit outputs ({@code output.properties}) and small helpers the writers share. */
public final class OutputTexts {

    private static final Messages MESSAGES = Messages.of("org.xmailkit.report.output", OutputTexts.class);

    private OutputTexts() {}

    /**
     * @param locale the language
     * @param key    a key of {@code output.properties}
     * @param args   values
     * @return the text
     */
    public static String get(Locale locale, String key, Object... args) {
        return MESSAGES.get(locale, key, args);
    }

    /**
     * @param e      an input error
     * @param locale the language
     * @return its message without the {@code path:line: } prefix
     */
    public static String bareMessage(InputException e, Locale locale) {
        return e.message(locale);
    }

    /**
     * @param fleet  the fleet, for the scan root
     * @param e      an input error
     * @param locale the language
     * @return {@code path:line: message} with the path relative to the scan root
     */
    public static String oneLine(FleetResult fleet, InputException e, Locale locale) {
        return oneLine(fleet.scope(), e, locale);
    }

    /**
     * @param scope  the fleet, for the scan root
     * @param e      an input error
     * @param locale the language
     * @return {@code path:line: message} with the path relative to the scan root
     */
    public static String oneLine(FleetScope scope, InputException e, Locale locale) {
        return scope.relative(e.path()) + (e.line() > 0 ? ":" + e.line() : "") + ": " + bareMessage(e, locale);
    }

    /**
     * @param fleet  the fleet, for the scan root
     * @param failed a failed server
     * @param locale the language
     * @return {@code path:line: message} with the path relative to the scan root
     */
    public static String failure(FleetResult fleet, ServerAudit failed, Locale locale) {
        return failure(fleet.scope(), failed, locale);
    }

    /**
     * @param scope  the fleet, for the scan root
     * @param failed a failed server
     * @param locale the language
     * @return {@code path:line: message} with the path relative to the scan root
     */
    public static String failure(FleetScope scope, ServerAudit failed, Locale locale) {
        if (failed instanceof ServerAudit.Unreadable u) {
            return oneLine(scope, u.error(), locale);
        }
        return scope.relative(failed.path()) + ": " + failureMessage(failed, locale);
    }

    /**
     * @param failed a failed server
     * @param locale the language
     * @return what went wrong, without the path
     */
    public static String failureMessage(ServerAudit failed, Locale locale) {
        if (failed instanceof ServerAudit.Unreadable u) {
            return bareMessage(u.error(), locale);
        }
        String full = failed.failure(locale);
        String prefix = failed.path() + ": ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }
}
