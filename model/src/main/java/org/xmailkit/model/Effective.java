package org.xmailkit.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The value XMail 1.27 uses for one name, and where it came from.
 *
 * @param name     the name
 * @param variable the catalogue entry, if the name is catalogued
 * @param origin   a line of the file, the catalogue default, or unset
 * @param entry    the line that set it (first occurrence), or null
 * @param value    what XMail uses, canonical: {@code 1}/{@code 0} for flags, the {@code atoi} number for ints,
 *                 the bytes (Latin-1 text) for strings; null when unset
 * @param reading  how the written text was read, when that differs from what a reader would expect
 */
public record Effective(
        String name, Optional<Variable> variable, Origin origin, Entry entry, String value, Reading reading) {

    /** Where an effective value comes from. */
    public enum Origin {
        /** A line of the file. */
        FILE,
        /** Absent from the file: XMail's built-in default applies. */
        DEFAULT,
        /** Absent from the file and XMail has no default. */
        UNSET
    }

    /** How XMail read the written text. */
    public enum Reading {
        /** As written (or not written at all). */
        AS_WRITTEN,
        /** A flag written as {@code ""}: read as 0, even when the default is 1. */
        EMPTY_FLAG_IS_ZERO,
        /** An int written as {@code ""}: read as the default. */
        EMPTY_INT_IS_DEFAULT,
        /** Not a number: {@code atoi} gives 0. */
        NOT_A_NUMBER,
        /** A number followed by other text, which {@code atoi} ignores. */
        TRAILING_TEXT_IGNORED,
        /** Blanks before the number, which {@code atoi} skips. */
        LEADING_BLANKS_SKIPPED,
        /** Longer than the 62 bytes XMail looks at, and the cut value reads differently from the whole. */
        CUT_AT_BUFFER,
        /** A number outside C's int range: Windows builds read the nearest int, Linux builds its low 32 bits. */
        OUT_OF_INT_RANGE
    }

    public Effective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(reading, "reading");
        if ((origin == Origin.FILE) != (entry != null)) {
            throw new IllegalArgumentException("entry must be given exactly for FILE origin");
        }
    }

    /** @return the line that set the value, or 0 */
    public int line() {
        return entry == null ? 0 : entry.line();
    }

    /** @return the text as written on the line, or null */
    public String written() {
        return entry == null ? null : entry.value();
    }

    /** @return whether the name is set in the file */
    public boolean isSet() {
        return origin == Origin.FILE;
    }

    /** @return the value as a flag ({@code atoi != 0}), if there is one */
    public Optional<Boolean> flag() {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Values.atoi(value).orElse(0) != 0);
    }

    /** @return the value as a number ({@code atoi}), if there is one */
    public OptionalLong number() {
        if (value == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Values.atoi(value).orElse(0));
    }

    /**
     * @return the number as a build whose C {@code long} has 64 bits (Linux) reads it; {@link #number()} is what
     *         Windows builds read. The two differ only for {@link Reading#OUT_OF_INT_RANGE}.
     */
    public OptionalLong numberOnLp64() {
        if (reading != Reading.OUT_OF_INT_RANGE) {
            return number();
        }
        return OptionalLong.of(
                Values.cInt(Values.atoi(ServerTab.kept(written())).orElse(0), true));
    }

    /**
     * @return whether the effective value differs from XMail 1.27's default (always true for a value set where
     *         XMail has no default)
     */
    public boolean differsFromDefault() {
        if (origin != Origin.FILE) {
            return false;
        }
        String def = variable.flatMap(Variable::defaultOptional).orElse(null);
        if (def == null) {
            return true;
        }
        Variable.Accessor acc = variable.get().accessor();
        if (acc == Variable.Accessor.STRING) {
            return !def.equals(value);
        }
        return Values.atoi(def).orElse(0) != Values.atoi(value).orElse(0);
    }
}
