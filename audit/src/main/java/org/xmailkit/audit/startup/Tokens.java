package org.xmailkit.audit.startup;

import java.util.ArrayList;
import java.util.List;

/**
 * How XMail 1.27 splits MAIL_CMD_LINE into arguments (StrUtils.cpp {@code StrCmdLineToken}): blanks and TABs
 * separate; a token that starts with a double quote runs to the next lone double quote, and {@code ""} inside it is
 * one quote; a backslash is an ordinary character; a quote inside an unquoted token is kept. A quoted token ends at
 * its closing quote even when text follows it, which then starts the next token.
 */
public final class Tokens {

    /** The longest token XMail's 1024-byte buffer holds; a longer one overflows it (undefined behaviour). */
    public static final int MAX_TOKEN = 1023;

    private Tokens() {}

    /**
     * @param line the command line
     * @return its arguments, as XMail reads them
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            StringBuilder t = new StringBuilder();
            if (line.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        i++;
                        if (i >= n || line.charAt(i) != '"') {
                            break;
                        }
                        t.append('"');
                        i++;
                    } else {
                        t.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                    t.append(line.charAt(i++));
                }
            }
            out.add(t.toString());
        }
    }

    /**
     * @param arg an argument
     * @return it written so that {@link #split} gives it back: quoted (with inner quotes doubled) when it is empty,
     *         holds a blank or TAB, or starts with a quote
     */
    public static String quote(String arg) {
        boolean plain = !arg.isEmpty() && arg.indexOf(' ') < 0 && arg.indexOf('\t') < 0 && arg.charAt(0) != '"';
        return plain ? arg : "\"" + arg.replace("\"", "\"\"") + "\"";
    }

    /**
     * @param args arguments
     * @return one line that {@link #split} reads back as them
     */
    public static String join(List<String> args) {
        return String.join(" ", args.stream().map(Tokens::quote).toList());
    }
}
