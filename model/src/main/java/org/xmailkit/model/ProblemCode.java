package org.xmailkit.model;

/**
 * What can be wrong with a line of a {@code .tab} file as XMail 1.27 reads it. The message texts live in
 * {@code messages.properties} under {@code problem.<name>}.
 */
public enum ProblemCode {
    /** A UTF-8 byte order mark is glued to the first name (or hides a comment). */
    BOM,
    /** The line starts with a space, so the name contains it and never matches. */
    LEADING_SPACE,
    /** A line whose first non-space byte is {@code #} is data, not a comment, because of the space. */
    NOT_A_COMMENT,
    /** Name and value are separated by spaces instead of a TAB: one token, the line is ignored. */
    NO_TAB,
    /** A quoted token has no closing quote. */
    UNTERMINATED_QUOTE,
    /** A TAB inside quotes splits the value: XMail keeps only the text before the TAB. */
    TAB_IN_QUOTES,
    /** A quoted value ends with a backslash, so the closing quote is read as an escaped quote. */
    BACKSLASH_BEFORE_CLOSING_QUOTE,
    /** Text after the closing quote is discarded. */
    TEXT_AFTER_QUOTE,
    /** Three or more tokens: 1.27 uses the first two; 1.2x-era XMail ignored the whole line. */
    EXTRA_TOKENS,
    /** The line is longer than one read: XMail cuts it and parses the rest as a separate line. */
    LONG_LINE,
    /** A NUL byte ends the line for XMail. */
    NUL_BYTE,
    /** A carriage return inside the line (not before its line feed) is part of the token. */
    LONE_CR,
    /** A Ctrl-Z byte ends the file for XMail on Windows (text mode). */
    CTRL_Z,
    /** The name has leading or trailing white space, or differs only in case from a known name. */
    NAME_WHITESPACE,
    /** The name is empty. */
    EMPTY_NAME,
    /** The name is defined earlier in the file; XMail uses the first one and this line is dead. */
    DEAD_DUPLICATE,
    /** XMail 1.27 does not read this name. */
    UNKNOWN_NAME,
    /** Too few columns for this file: the line is skipped. */
    TOO_FEW_COLUMNS
}
