package org.xmailkit.model.ctrl;

/** How a CTRL session is protected. */
public enum CtrlTransport {
    /** CTRLS: TLS from the first byte (XMail's -W service, port 6018). */
    TLS,
    /**
     * CTRL, then {@code #!TLS} before the login (CTRLSvr.cpp CTRLLogin; refused with -00249 when EnableCTRL-TLS is
     * 0).
     */
    STARTTLS,
    /** CTRL in clear text: only with {@code --ctrl-insecure}, and the audit says so. */
    CLEARTEXT;

    /**
     * @param port a port
     * @return STARTTLS for CTRL's standard port 6017, TLS for any other
     */
    public static CtrlTransport forPort(int port) {
        return port == CtrlUrl.CTRL_PORT ? STARTTLS : TLS;
    }
}
