package org.xmailkit.audit.startup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xmailkit.model.Localized;

/**
 * Something about the command line that XMail does not read the way it is written, or that stops it.
 *
 * @param code      what
 * @param treatment what XMail 1.27 does with it
 * @param arg       the index of the argument concerned in {@link XMailOptions#args()}, or -1
 * @param args      values for the message ({@code issue.<CODE>} in the startup bundle)
 */
public record OptionIssue(Code code, Treatment treatment, int arg, List<String> args) implements Localized {

    /** What XMail 1.27 does with an option. */
    public enum Treatment {
        /** It reads nothing from it. */
        IGNORED,
        /** It reads something other than what is written. */
        MISREAD,
        /** It reads it as written; worth knowing. */
        NOTE,
        /** It does not start (it logs the error and exits). */
        REFUSES_TO_START,
        /** It starts, then dies on a division by zero when the value is first used. */
        CRASHES,
        /** What happens depends on the system or is undefined. */
        UNDEFINED;

        /** @return the lower-case id */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @return whether the server ends up not running */
        public boolean fatal() {
            return this == REFUSES_TO_START || this == CRASHES;
        }
    }

    /** The issues, with the treatment each has unless the platform changes it. */
    public enum Code {
        UNKNOWN_OPTION,
        REMOVED_OPTION,
        INCOMPLETE_OPTION,
        TRAILING_TEXT,
        MISSING_VALUE,
        VALUE_IS_OPTION,
        NOT_A_NUMBER,
        NUMBER_OUT_OF_RANGE,
        PORT_WRAPS,
        ANY_PORT,
        CLAMPED,
        STRAY_ARGUMENT,
        V6_IGNORED,
        AFTER_DISABLE,
        OPTIONS_OF_DISABLED,
        REPEATED,
        HOST_NAME,
        BAD_ADDRESS,
        FAMILY_MISMATCH,
        TOO_MANY_ADDRESSES,
        BIND_CONFLICT,
        MAIL_ROOT_EMPTY,
        LOG_ROTATE_ZERO,
        DIVISOR_ZERO,
        NO_THREADS,
        DEBUG_NOT_FOREGROUND,
        OVERLONG_TOKEN,
        REGISTRY_VALUE_TOO_LONG,
        REGISTRY_TWO_KEYS,
        REGISTRY_EXPAND,
        NOT_EVALUATED,
        ENVIRONMENT_FILE,
        REMOTE_PORT_NOT_OPENED
    }

    public OptionIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(treatment, "treatment");
        args = List.copyOf(args);
    }

    /**
     * @param code      what
     * @param treatment what XMail does
     * @param arg       the argument index, or -1
     * @param args      message values
     * @return the issue
     */
    public static OptionIssue of(Code code, Treatment treatment, int arg, Object... args) {
        return new OptionIssue(
                code, treatment, arg, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** @return the message key in the startup bundle */
    public String key() {
        return "issue." + code.name();
    }

    /**
     * @param locale the language
     * @return the message
     */
    public String message(Locale locale) {
        return StartupMessages.get(locale, messageKey(), args.toArray());
    }

    /** The message, as a value of a finding's text. */
    @Override
    public String render(Locale locale) {
        return message(locale);
    }

    /**
     * @return the key of the message: a message whose last value is empty (no hint, no log switch on) has a shorter
     *         variant, {@code .short}, in both languages
     */
    public String messageKey() {
        boolean lastEmpty = !args.isEmpty() && args.get(args.size() - 1).isEmpty();
        return lastEmpty && StartupMessages.has(Locale.ENGLISH, key() + ".short") ? key() + ".short" : key();
    }
}
