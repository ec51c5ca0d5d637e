package org.xmailkit.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One entry of the variable catalogue: a server.tab name XMail reads or once read, a known misspelling, an
 * XMailCFG display name, or a setting of the localized 1.27 build.
 *
 * @param name          the name exactly as XMail compares it (case-sensitive); for patterns a template such as
 *                      {@code SmtpConfig-IP}
 * @param role          what kind of name this is
 * @param since         the version that introduced it, as recorded (e.g. {@code 1.24}, {@code pre-0.50 (2000-02-28)},
 *                      {@code unknown})
 * @param removedIn     the version that stopped reading it, or empty
 * @param replacedBy    what replaced it, or empty
 * @param kind          the value kind
 * @param accessor      how XMail 1.27 reads the value (flag, int or string semantics)
 * @param defaultValue  the value XMail 1.27 uses when the name is absent, or null when there is none
 * @param values        the allowed values or format, in short notation (e.g. {@code 0|1}, {@code 0..4}, {@code KB})
 * @param security      how much the setting matters for security
 * @param secret        whether its value holds credentials and is never shown (see {@link Secrets})
 * @param aliasOf       for aliases and XMailCFG display names: the name XMail reads; else empty
 * @param xmailcfg      the row of XMailCFG's settings page, or null when the page does not show it
 * @param descriptionEn what it does, in English
 * @param descriptionJa what it does, in Japanese
 */
public record Variable(
        String name,
        Role role,
        String since,
        String removedIn,
        String replacedBy,
        Kind kind,
        Accessor accessor,
        String defaultValue,
        String values,
        Security security,
        boolean secret,
        String aliasOf,
        XMailCfgField xmailcfg,
        String descriptionEn,
        String descriptionJa) {

    /** Versions as the catalogue records them, parsed once: the version detector asks for every name of every file. */
    private static final Map<String, Optional<XMailVersion>> PARSED = new ConcurrentHashMap<>();

    /** What kind of name a catalogue entry is. */
    public enum Role {
        /** A variable XMail 1.27 reads. */
        VARIABLE,
        /** A variable an older XMail read and 1.27 ignores. */
        REMOVED,
        /** A name of the form {@code SmtpConfig-<ip>[,<port>]}. */
        PATTERN,
        /** A misspelling shown by XMailCFG ({@code SmtpMsgIPBandMaps}); XMail ignores it. */
        ALIAS,
        /** An XMailCFG display name for a part of another variable ({@code SmtpGwConfig-NeedTLS}); XMail ignores it. */
        XMAILCFG_PART,
        /** A setting only the localized 1.27 build reads ({@code SMTPLocalRule1}). */
        LOCALIZED
    }

    /** The value kind. */
    public enum Kind {
        FLAG,
        INT,
        ENUM,
        STRING,
        DOMAIN,
        ADDRESS,
        LIST,
        PATTERN
    }

    /** How XMail reads the value (SvrUtils.cpp SvrTestConfigFlag, SvrGetConfigInt, SvrGetConfigVar). */
    public enum Accessor {
        /** {@code SvrTestConfigFlag}: absent gives the default; {@code ""} and non-numbers read as 0. */
        FLAG,
        /** {@code SvrGetConfigInt}: absent and {@code ""} give the default; otherwise {@code atoi}. */
        INT,
        /** {@code SvrGetConfigVar}: the bytes as written; {@code ""} is a present, empty value. */
        STRING
    }

    /** How much a setting matters for security. */
    public enum Security {
        NONE,
        LOW,
        MEDIUM,
        HIGH
    }

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(removedIn, "removedIn");
        Objects.requireNonNull(replacedBy, "replacedBy");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accessor, "accessor");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(aliasOf, "aliasOf");
        Objects.requireNonNull(descriptionEn, "descriptionEn");
        Objects.requireNonNull(descriptionJa, "descriptionJa");
    }

    /** @return whether XMail 1.27 (original build) reads this name */
    public boolean readBy127() {
        return role == Role.VARIABLE || role == Role.PATTERN;
    }

    /** @return the default, if XMail has one */
    public Optional<String> defaultOptional() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * @param locale the language
     * @return the description in that language
     */
    public String description(Locale locale) {
        return Messages.isJapanese(locale) ? descriptionJa : descriptionEn;
    }

    /** @return the version the name appeared in, parsed; empty when unknown */
    public Optional<XMailVersion> sinceVersion() {
        return PARSED.computeIfAbsent(since, XMailVersion::parseRecorded);
    }

    /** @return the version that stopped reading it, parsed; empty when never removed */
    public Optional<XMailVersion> removedVersion() {
        return removedIn.isEmpty() ? Optional.empty() : PARSED.computeIfAbsent(removedIn, XMailVersion::parseRecorded);
    }
}
