package org.xmailkit.audit.probe;

import java.util.Locale;
import java.util.Optional;
import org.xmailkit.model.ctrl.CtrlUrl;

/**
 * The services {@code xmailkit probe} knows, with XMail's standard ports and the start-up option that controls each
 * listener ({@code -SI}, {@code -X-}, ...; XMail 1.27 docs/Readme.txt, command line). XMail has no submission
 * listener of its own: port 587 is an SMTP listener added with {@code -SI address:587}.
 */
public enum Service {
    SMTP("smtp", 25, Protocol.SMTP, false, 'S'),
    SUBMISSION("submission", 587, Protocol.SMTP, false, 'S'),
    SMTPS("smtps", 465, Protocol.SMTP, true, 'X'),
    POP3("pop3", 110, Protocol.POP3, false, 'P'),
    POP3S("pop3s", 995, Protocol.POP3, true, 'B'),
    CTRL("ctrl", CtrlUrl.CTRL_PORT, Protocol.CTRL, false, 'C'),
    CTRLS("ctrls", CtrlUrl.CTRLS_PORT, Protocol.CTRL, true, 'W');

    /** The conversation a service speaks. */
    public enum Protocol {
        SMTP,
        POP3,
        CTRL
    }

    private final String id;
    private final int standardPort;
    private final Protocol protocol;
    private final boolean implicitTls;
    private final char option;

    Service(String id, int standardPort, Protocol protocol, boolean implicitTls, char option) {
        this.id = id;
        this.standardPort = standardPort;
        this.protocol = protocol;
        this.implicitTls = implicitTls;
        this.option = option;
    }

    /** @return the name used on the command line and in outputs, e.g. {@code smtps} */
    public String id() {
        return id;
    }

    /** @return XMail's standard port (587 is the submission port XMail does not open by itself) */
    public int standardPort() {
        return standardPort;
    }

    /** @return the conversation it speaks */
    public Protocol protocol() {
        return protocol;
    }

    /** @return whether TLS starts with the first byte (SMTPS, POP3S, CTRLS) */
    public boolean implicitTls() {
        return implicitTls;
    }

    /** @return the letter of XMail's start-up options for this listener: {@code -SI}, {@code -S-}, ... */
    public char option() {
        return option;
    }

    /** @return the option that turns the listener off, e.g. {@code -X-} */
    public String offOption() {
        return "-" + option + "-";
    }

    /** @return the option that binds the listener to an address, e.g. {@code -XI} */
    public String bindOption() {
        return "-" + option + "I";
    }

    /**
     * @param name a service name, any case
     * @return the service
     */
    public static Optional<Service> byId(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Service s : values()) {
            if (s.id.equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
