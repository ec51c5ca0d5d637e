package org.xmailkit.audit.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** "Did you mean" for arguments XMail 1.27 ignores, and the options older versions had. */
final class Suggestions {

    /** Options the 1.27 ChangeLog says were removed, with the version that removed them. */
    private static final Map<String, String> REMOVED = Map.of(
            "-Ma", "0.65",
            "-Mk", "0.65",
            "-Qx", "0.61");

    private Suggestions() {}

    /**
     * @param flag the first three characters of an argument
     * @return the version that removed it, when it is an option an older XMail had
     */
    static Optional<String> removedIn(String flag) {
        return Optional.ofNullable(REMOVED.get(flag));
    }

    /**
     * @param arg an argument starting with a dash that XMail 1.27 does not read
     * @return the option most likely meant
     */
    static Optional<String> forUnknown(String arg) {
        if (arg.length() < 3 || arg.charAt(0) != '-' || arg.charAt(1) == '-') {
            return Optional.empty();
        }
        char letter = arg.charAt(1);
        char code = arg.charAt(2);
        List<char[]> tries = new ArrayList<>();
        tries.add(new char[] {flip(letter), code});
        tries.add(new char[] {letter, flip(code)});
        tries.add(new char[] {flip(letter), flip(code)});
        tries.add(new char[] {code, letter});
        tries.add(new char[] {flip(code), flip(letter)});
        // The TLS services share the plain service's log, timeout and thread settings.
        tries.add(new char[] {plain(letter), code});
        for (char[] t : tries) {
            Optional<Switch> s = Group.byLetter(t[0]).flatMap(g -> Switch.of(g, t[1]));
            if (s.isPresent() && !s.get().flag().equals(arg.substring(0, 3))) {
                return Optional.of(s.get().flag());
            }
        }
        return Optional.empty();
    }

    /**
     * @param arg an argument without a dash that is no option's value
     * @return the option most likely meant (a Windows-style {@code /Sl})
     */
    static Optional<String> forStray(String arg) {
        if (arg.length() == 3 && arg.charAt(0) == '/') {
            return Switch.byFlag("-" + arg.substring(1)).map(Switch::flag).or(() -> forUnknown("-" + arg.substring(1)));
        }
        return Optional.empty();
    }

    private static char flip(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private static char plain(char letter) {
        return switch (letter) {
            case 'X' -> 'S';
            case 'B' -> 'P';
            case 'W' -> 'C';
            default -> letter;
        };
    }
}
