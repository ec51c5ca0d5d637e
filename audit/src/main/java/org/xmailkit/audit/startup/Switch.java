package org.xmailkit.audit.startup;

import java.util.Optional;

/**
 * Every option XMail 1.27 reads from its command line (docs/Readme.txt "COMMAND LINE" and the set-up functions of
 * MailSvr.cpp), with its argument, its default and the version that introduced it according to the 1.27 ChangeLog
 * (empty when the ChangeLog does not say). Each option is a dash, the group letter and one more character; XMail
 * looks at nothing after that character. What each option means is in the startup bundle under
 * {@code switch.<flag>}.
 */
public enum Switch {
    MS(Group.MAIN, 's', Kind.PATH, "MAIL_ROOT", null),
    MD(Group.MAIN, 'd', Kind.FLAG, "", null),
    MR(Group.MAIN, 'r', Kind.NUMBER, "24", null),
    MX(Group.MAIN, 'x', Kind.NUMBER, "23", "0.61"),
    M_RCVBUF(Group.MAIN, 'R', Kind.NUMBER, "", "1.3"),
    M_SNDBUF(Group.MAIN, 'S', Kind.NUMBER, "", "1.3"),
    M_MAILDIR(Group.MAIN, 'M', Kind.FLAG, "", "1.10"),
    M_MAILBOX(Group.MAIN, 'm', Kind.FLAG, "", "1.10"),
    M_DNSDIRS(Group.MAIN, 'D', Kind.NUMBER, "101", "1.14"),
    M4(Group.MAIN, '4', Kind.FLAG, "", "1.25"),
    M5(Group.MAIN, '5', Kind.FLAG, "", "1.25"),
    M6(Group.MAIN, '6', Kind.FLAG, "", "1.25"),
    M7(Group.MAIN, '7', Kind.FLAG, "", "1.25"),

    QN(Group.SMAIL, 'n', Kind.NUMBER, "16", null),
    QT(Group.SMAIL, 't', Kind.NUMBER, "480", null),
    QI(Group.SMAIL, 'i', Kind.NUMBER, "16", "0.56"),
    QR(Group.SMAIL, 'r', Kind.NUMBER, "32", null),
    QL(Group.SMAIL, 'l', Kind.FLAG, "", null),
    Q_FILTER_TIMEOUT(Group.SMAIL, 'T', Kind.NUMBER, "90", "1.11"),
    QG(Group.SMAIL, 'g', Kind.FLAG, "", "1.21"),

    CP(Group.CTRL, 'p', Kind.PORT, "6017", null),
    CT(Group.CTRL, 't', Kind.NUMBER, "120", null),
    CL(Group.CTRL, 'l', Kind.FLAG, "", null),
    CI(Group.CTRL, 'I', Kind.BIND, "", null),
    CX(Group.CTRL, 'X', Kind.NUMBER, "512", null),
    C_OFF(Group.CTRL, '-', Kind.OFF, "", "1.24"),
    C6(Group.CTRL, '6', Kind.V6, "", "1.25"),

    WP(Group.CTRLS, 'p', Kind.PORT, "6018", "1.24"),
    WI(Group.CTRLS, 'I', Kind.BIND, "", "1.24"),
    W_OFF(Group.CTRLS, '-', Kind.OFF, "", "1.24"),
    W6(Group.CTRLS, '6', Kind.V6, "", "1.25"),

    PP(Group.POP3, 'p', Kind.PORT, "110", null),
    PT(Group.POP3, 't', Kind.NUMBER, "90", null),
    PW(Group.POP3, 'w', Kind.NUMBER, "5", null),
    PL(Group.POP3, 'l', Kind.FLAG, "", null),
    PH(Group.POP3, 'h', Kind.FLAG, "", null),
    PI(Group.POP3, 'I', Kind.BIND, "", null),
    PX(Group.POP3, 'X', Kind.NUMBER, "1024", null),
    P_OFF(Group.POP3, '-', Kind.OFF, "", "1.24"),
    P6(Group.POP3, '6', Kind.V6, "", "1.25"),

    BP(Group.POP3S, 'p', Kind.PORT, "995", "1.24"),
    BI(Group.POP3S, 'I', Kind.BIND, "", "1.24"),
    B_OFF(Group.POP3S, '-', Kind.OFF, "", "1.24"),
    B6(Group.POP3S, '6', Kind.V6, "", "1.25"),

    SP(Group.SMTP, 'p', Kind.PORT, "25", null),
    ST(Group.SMTP, 't', Kind.NUMBER, "90", null),
    SL(Group.SMTP, 'l', Kind.FLAG, "", null),
    SI(Group.SMTP, 'I', Kind.BIND, "", null),
    SX(Group.SMTP, 'X', Kind.NUMBER, "1024", null),
    SR(Group.SMTP, 'r', Kind.NUMBER, "100", "0.58"),
    SE(Group.SMTP, 'e', Kind.NUMBER, "900", "0.71"),
    S_OFF(Group.SMTP, '-', Kind.OFF, "", "1.24"),
    S6(Group.SMTP, '6', Kind.V6, "", "1.25"),

    XP(Group.SMTPS, 'p', Kind.PORT, "465", "1.24"),
    XI(Group.SMTPS, 'I', Kind.BIND, "", "1.24"),
    X_OFF(Group.SMTPS, '-', Kind.OFF, "", "1.24"),
    X6(Group.SMTPS, '6', Kind.V6, "", "1.25"),

    YI(Group.PSYNC, 'i', Kind.NUMBER, "120", null),
    YT(Group.PSYNC, 't', Kind.NUMBER, "8", null),
    YL(Group.PSYNC, 'l', Kind.FLAG, "", null),
    Y_TIMEOUT(Group.PSYNC, 'T', Kind.NUMBER, "90", "1.25"),
    Y_OFF(Group.PSYNC, '-', Kind.OFF, "", "1.24"),

    FP(Group.FINGER, 'p', Kind.PORT, "79", null),
    FL(Group.FINGER, 'l', Kind.FLAG, "", null),
    FI(Group.FINGER, 'I', Kind.BIND, "", null),
    F_OFF(Group.FINGER, '-', Kind.OFF, "", "1.24"),
    F6(Group.FINGER, '6', Kind.V6, "", "1.25"),

    LN(Group.LMAIL, 'n', Kind.NUMBER, "3", null),
    LT(Group.LMAIL, 't', Kind.NUMBER, "2", "1.1"),
    LL(Group.LMAIL, 'l', Kind.FLAG, "", null);

    /** What an option does with its argument. */
    public enum Kind {
        /** No argument: turns something on. */
        FLAG(false),
        /** No argument: turns the service off. */
        OFF(false),
        /** No argument: listen on IPv6 when no address is given. */
        V6(false),
        /** A port number, read with atoi. */
        PORT(true),
        /** {@code ip[:port]}, repeatable. */
        BIND(true),
        /** A number, read with atoi (or atol). */
        NUMBER(true),
        /** A directory. */
        PATH(true);

        private final boolean value;

        Kind(boolean value) {
            this.value = value;
        }

        /** @return whether the option takes the next argument as its value */
        public boolean takesValue() {
            return value;
        }
    }

    private final Group group;
    private final char code;
    private final Kind kind;
    private final String defaultValue;
    private final String since;

    Switch(Group group, char code, Kind kind, String defaultValue, String since) {
        this.group = group;
        this.code = code;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.since = since;
    }

    /** @return the group (service) that reads it */
    public Group group() {
        return group;
    }

    /** @return the character after the group letter */
    public char code() {
        return code;
    }

    /** @return what it does with its argument */
    public Kind kind() {
        return kind;
    }

    /** @return whether it takes the next argument as its value */
    public boolean takesValue() {
        return kind.takesValue();
    }

    /** @return the option as typed, e.g. {@code -Sp} */
    public String flag() {
        return "-" + group.letter() + code;
    }

    /** @return XMail 1.27's value when the option is absent, or empty */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return the version whose ChangeLog entry introduced it, when the ChangeLog says */
    public Optional<String> since() {
        return Optional.ofNullable(since);
    }

    /** @return the key of its meaning in the startup bundle */
    public String meaningKey() {
        String c = Character.isLetterOrDigit(code) ? String.valueOf(code) : "off";
        // -MS and -Ms differ only in case; bundle keys keep the case, which properties files respect.
        return "switch." + group.letter() + c;
    }

    /**
     * @param group a group
     * @param code  the character after its letter
     * @return the option, if XMail 1.27 reads it
     */
    public static Optional<Switch> of(Group group, char code) {
        for (Switch s : values()) {
            if (s.group == group && s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * @param flag e.g. {@code -Sl}
     * @return the option, if XMail 1.27 reads it
     */
    public static Optional<Switch> byFlag(String flag) {
        if (flag.length() != 3 || flag.charAt(0) != '-') {
            return Optional.empty();
        }
        return Group.byLetter(flag.charAt(1)).flatMap(g -> of(g, flag.charAt(2)));
    }

    @Override
    public String toString() {
        return flag();
    }
}
