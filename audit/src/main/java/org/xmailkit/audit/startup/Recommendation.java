package org.xmailkit.audit.startup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xmailkit.audit.startup.OptionIssue.Treatment;

/**
 * The command line to use with XMail 1.27: the server's own listeners and ports kept, with XMailCFG's
 * recommendation for the localized build ({@code -Mr 24 -Pl -Ql -Sl}, and {@code -B- -W- -X-} where the SSL-only
 * services are not wanted) applied, except {@code -Cl}, which writes CTRL passwords to the log; what XMail ignores
 * or misreads dropped; debug mode and finger turned off.
 *
 * @param args  the recommended arguments
 * @param notes why each change, as startup-bundle keys with values
 */
public record Recommendation(List<String> args, List<Note> notes) {

    /**
     * One change.
     *
     * @param key    the key in the startup bundle ({@code recommend.*})
     * @param values its values
     */
    public record Note(String key, List<String> values) {
        public Note {
            values = List.copyOf(values);
        }

        /**
         * @param locale the language
         * @return the text
         */
        public String text(Locale locale) {
            return StartupMessages.get(locale, key, values.toArray());
        }
    }

    public Recommendation {
        args = List.copyOf(args);
        notes = List.copyOf(notes);
    }

    /** The logs XMailCFG recommends turning on, its {@code -Cl} excepted. */
    static final List<Switch> LOGS = List.of(Switch.PL, Switch.QL, Switch.SL);

    /**
     * @param startup     the command line, when known (else XMail's defaults are the starting point)
     * @param certificate whether the MailRoot has server.cert and server.key
     * @return the recommendation
     */
    public static Recommendation of(Optional<Startup> startup, boolean certificate) {
        List<Arg> args = startup.map(Startup::args).orElse(List.of());
        XMailOptions o = startup.map(Startup::options).orElseGet(() -> XMailOptions.parse(List.of(), Platform.UNKNOWN));
        List<Note> notes = new ArrayList<>();
        Set<Integer> drop = new HashSet<>();
        for (OptionIssue i : o.issues()) {
            boolean ignored = i.treatment() == Treatment.IGNORED && i.code() != OptionIssue.Code.OPTIONS_OF_DISABLED;
            if (i.arg() >= 0 && ignored) {
                drop.add(i.arg());
                notes.add(new Note(
                        "recommend.dropIgnored", List.of(args.get(i.arg()).text())));
            }
        }
        dropOption(o, Switch.MD, drop, notes, "recommend.dropDebug");
        dropOption(o, Switch.CL, drop, notes, "recommend.dropCtrlLog");
        o.setting(Switch.MR).filter(s -> Integer.parseInt(s.value()) <= 0).ifPresent(s -> {
            drop.add(s.arg());
            drop.add(s.arg() + 1);
        });
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!drop.contains(i)) {
                out.add(args.get(i).text());
            }
        }
        XMailOptions kept = XMailOptions.parse(
                out.stream()
                        .map(t -> new Arg(t, Place.typed("recommended"), true))
                        .toList(),
                o.platform());
        if (kept.setting(Switch.MR).isEmpty()) {
            out.add("-Mr");
            out.add("24");
            notes.add(new Note("recommend.add", List.of("-Mr 24")));
        }
        for (Switch log : LOGS) {
            if (!kept.has(log)) {
                out.add(log.flag());
                notes.add(new Note("recommend.add", List.of(log.flag())));
            }
        }
        if (!certificate) {
            for (Group g : List.of(Group.SMTPS, Group.POP3S, Group.CTRLS)) {
                if (kept.enabled(g)) {
                    out.add("-" + g.letter() + "-");
                    notes.add(new Note("recommend.closeSsl", List.of("-" + g.letter() + "-", g.label())));
                }
            }
        }
        if (kept.enabled(Group.FINGER)) {
            out.add(Switch.F_OFF.flag());
            notes.add(new Note("recommend.closeFinger", List.of(Switch.F_OFF.flag())));
        }
        return new Recommendation(out, notes);
    }

    private static void dropOption(XMailOptions o, Switch s, Set<Integer> drop, List<Note> notes, String key) {
        o.setting(s).ifPresent(x -> {
            drop.add(x.arg());
            notes.add(new Note(key, List.of(s.flag())));
        });
    }

    /** @return the arguments as one line, quoted where XMail needs it */
    public String line() {
        return Tokens.join(args);
    }
}
