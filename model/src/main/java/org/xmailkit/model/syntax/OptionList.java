package org.xmailkit.model.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A comma-separated {@code Name[=Value]} list as XMail's {@code MscParseOptions} reads it (SmtpGwConfig, gateway
 * options, smtpfwd.tab column 3, SmtpConfig): names are case-sensitive and nothing is trimmed, so a space after a
 * comma becomes part of the next name.
 *
 * @param raw     the text as written
 * @param options the options, in order (empty items are dropped)
 */
public record OptionList(String raw, List<Option> options) {

    /**
     * One option.
     *
     * @param name  the name, exactly as written
     * @param value the text after the first {@code =}, or null when there is no {@code =}
     */
    public record Option(String name, String value) {
        public Option {
            Objects.requireNonNull(name, "name");
        }

        /** @return whether the option has an {@code =} */
        public boolean hasValue() {
            return value != null;
        }
    }

    public OptionList {
        Objects.requireNonNull(raw, "raw");
        options = List.copyOf(options);
    }

    /**
     * @param raw the list text
     * @return the parsed list
     */
    public static OptionList parse(String raw) {
        List<Option> out = new ArrayList<>();
        for (String item : raw.split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            out.add(eq < 0 ? new Option(item, null) : new Option(item.substring(0, eq), item.substring(eq + 1)));
        }
        return new OptionList(raw, out);
    }

    /**
     * @param name an exact, case-sensitive name
     * @return the last option with that name (later options overwrite earlier ones as XMail assigns them)
     */
    public Optional<Option> get(String name) {
        Option found = null;
        for (Option o : options) {
            if (o.name().equals(name)) {
                found = o;
            }
        }
        return Optional.ofNullable(found);
    }
}
