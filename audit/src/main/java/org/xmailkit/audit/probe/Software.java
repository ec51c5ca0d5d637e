package org.xmailkit.audit.probe;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the server software and version a greeting discloses, e.g. {@code [XMail 1.27 ESMTP Server]}. */
final class Software {

    // XMail's banners: "[XMail 1.27 ESMTP Server]", "XMail 1.27 POP3 Server", "XMail 1.27 CTRL Server"
    // (SMTPSvr.cpp, POP3Svr.cpp, CTRLSvr.cpp: APP_NAME_VERSION_STR). Then other mail servers that print a version.
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b(XMail)[ /]v?(\\d+\\.\\d+[0-9A-Za-z.-]*)"),
            Pattern.compile("\\b(Exim|Sendmail|MDaemon|qmail|Courier|Dovecot|Cyrus|Kerio Connect|MailEnable|IceWarp"
                    + "|Merak|hMailServer|ArGoSoft Mail Server|Mercury|Microsoft ESMTP MAIL Service, Version:)"
                    + "[ /]v?(\\d+(?:\\.\\d+)+)"));

    private Software() {}

    /**
     * @param greeting the greeting line
     * @return e.g. {@code XMail 1.27}, or empty when it names no version
     */
    static String of(String greeting) {
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(greeting);
            if (m.find()) {
                return m.group(1).replace(", Version:", "") + " " + m.group(2);
            }
        }
        return "";
    }
}
