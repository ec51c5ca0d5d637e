package org.xmailkit.audit.rules.sec;

import org.xmailkit.model.Reference;

/** References the SEC rules cite. Sections of XMail's source are file and function; RFC sections are numbers. */
final class Refs {

    static final String SRC = "XMail 1.27 source";
    static final String README = "XMail 1.27 Readme";

    static final Reference RFC5321_VRFY = Reference.of("RFC 5321", "7.3");
    static final Reference RFC5321_TRACE = Reference.of("RFC 5321", "7.6");
    static final Reference RFC5321_ATTACKS = Reference.of("RFC 5321", "7.8");
    static final Reference RFC5321_SCOPE = Reference.of("RFC 5321", "7.9");
    static final Reference RFC2505_RELAY = Reference.of("RFC 2505 (BCP 30)", "2.1");
    static final Reference RFC2505_RECEIVED = Reference.of("RFC 2505 (BCP 30)", "2.2");
    static final Reference RFC2505_NULL_SENDER = Reference.of("RFC 2505 (BCP 30)", "2.6.1");
    static final Reference RFC2505_RATE = Reference.of("RFC 2505 (BCP 30)", "2.8");
    static final Reference RFC2505_VRFY = Reference.of("RFC 2505 (BCP 30)", "2.11");
    static final Reference RFC2505_ETRN = Reference.of("RFC 2505 (BCP 30)", "2.12");
    static final Reference RFC6409_AUTH = Reference.of("RFC 6409", "4.3");
    static final Reference RFC2595_CLEARTEXT = Reference.of("RFC 2595", "2.3");
    static final Reference CWE532 = Reference.of("CWE-532", "");

    private Refs() {
    }

    /**
     * @param fileAndFunction e.g. {@code SMTPUtils.cpp USmtpIsAllowedRelay}
     * @return a reference into XMail 1.27's source
     */
    static Reference src(String fileAndFunction) {
        return Reference.of(SRC, fileAndFunction);
    }

    /**
     * @param section the versions, e.g. {@code 1.24}
     * @return a reference into XMail's ChangeLog
     */
    static Reference changelog(String section) {
        return Reference.of("XMail ChangeLog", section);
    }

    /**
     * @param section e.g. {@code server.tab Pop3LogPasswd}
     * @return a reference into XMail 1.27's Readme
     */
    static Reference readme(String section) {
        return Reference.of(README, section);
    }
}
