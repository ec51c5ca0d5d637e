package org.xmailkit.audit.startup;

import java.util.List;
import java.util.Optional;

/**
 * The option groups of XMail 1.27's command line: one letter each, read by one set-up function of MailSvr.cpp.
 * Listed in the order {@code SvrMain} runs those functions, which is the order in which a failure stops the start.
 */
public enum Group {
    /** General switches ({@code -M?}), read by {@code SvrSetup}. */
    MAIN('M', "XMail", 0, false, "SvrSetup"),
    /** Remote delivery ({@code -Q?}). */
    SMAIL('Q', "SMAIL", 0, false, "SvrSetupSMAIL"),
    /** Administration, plain ({@code -C?}). */
    CTRL('C', "CTRL", 6017, false, "SvrSetupCTRL"),
    /** Administration over TLS from the first byte ({@code -W?}). */
    CTRLS('W', "CTRLS", 6018, true, "SvrSetupCTRLS"),
    /** POP3 ({@code -P?}). */
    POP3('P', "POP3", 110, false, "SvrSetupPOP3"),
    /** POP3 over TLS from the first byte ({@code -B?}). */
    POP3S('B', "POP3S", 995, true, "SvrSetupPOP3S"),
    /** SMTP ({@code -S?}). */
    SMTP('S', "SMTP", 25, false, "SvrSetupSMTP"),
    /** SMTP over TLS from the first byte ({@code -X?}). */
    SMTPS('X', "SMTPS", 465, true, "SvrSetupSMTPS"),
    /** External POP3 accounts ({@code -Y?}). */
    PSYNC('Y', "PSYNC", 0, false, "SvrSetupPSYNC"),
    /** Finger ({@code -F?}). */
    FINGER('F', "FINGER", 79, false, "SvrSetupFING"),
    /** Local delivery ({@code -L?}). */
    LMAIL('L', "LMAIL", 0, false, "SvrSetupLMAIL");

    /** The services that listen, in the order {@code show} and the report list them. */
    public static final List<Group> LISTENERS = List.of(SMTP, SMTPS, POP3, POP3S, CTRL, CTRLS, FINGER);

    private final char letter;
    private final String label;
    private final int defaultPort;
    private final boolean implicitTls;
    private final String setup;

    Group(char letter, String label, int defaultPort, boolean implicitTls, String setup) {
        this.letter = letter;
        this.label = label;
        this.defaultPort = defaultPort;
        this.implicitTls = implicitTls;
        this.setup = setup;
    }

    /** @return the letter after the dash, e.g. {@code S} for {@code -Sp} */
    public char letter() {
        return letter;
    }

    /** @return the service's name as XMail logs it, e.g. {@code SMTPS} */
    public String label() {
        return label;
    }

    /** @return the port used when none is given, or 0 for a group that does not listen */
    public int defaultPort() {
        return defaultPort;
    }

    /** @return whether the group opens a listener */
    public boolean listens() {
        return defaultPort > 0;
    }

    /** @return whether connections speak TLS from the first byte (SMTPS, POP3S, CTRLS) */
    public boolean implicitTls() {
        return implicitTls;
    }

    /**
     * The SSL-only services stop reading their options at their {@code -x-} switch (the set-up function returns
     * there); the others read every option first, so an invalid address still stops the start of a disabled service.
     *
     * @return whether {@code -x-} ends this group's reading of the command line
     */
    public boolean disableEndsReading() {
        return implicitTls;
    }

    /** @return the MailSvr.cpp function that reads this group's options */
    public String setupFunction() {
        return setup;
    }

    /**
     * @param letter the letter after a dash
     * @return the group, if XMail 1.27 has one for it
     */
    public static Optional<Group> byLetter(char letter) {
        for (Group g : values()) {
            if (g.letter == letter) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
