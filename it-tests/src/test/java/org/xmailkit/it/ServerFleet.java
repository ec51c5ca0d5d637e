package org.xmailkit.it;

import java.nio.file.Path;
import org.xmailkit.model.TextEncoding;
import org.xmailkit.model.testing.MailRootFixture;

/**
 * The fleet the container tests read: three servers in the ways administrators keep them, one written by
 * XMailCFG on Windows (Windows-31J, CRLF, Japanese reply texts), one nested deeper. Each has a problem of its
 * own for the audit: mx1 relays for everyone, mx2 has Japanese SMTP replies, mx3 uses SMTP-RDNSCheck.
 */
final class ServerFleet {

    /** A Japanese SMTP reply text with characters that exist only in Windows-31J (～ ① 髙). */
    static final String JAPANESE_MESSAGE = "ただいま混雑しています。しばらくしてから再送してください～①髙";

    /** A Japanese ban message. */
    static final String JAPANESE_BAN = "550 お使いの IP アドレスからのメールは受け付けていません";

    private ServerFleet() {}

    /**
     * @param name a directory name under target/it
     * @return the fleet's root, readable by every user
     */
    static Path write(String name) {
        Path fleet = Fleets.fresh(name);
        MailRootFixture.in(fleet.resolve("mx1"))
                .serverTab("""
                "RootDomain"\t"mx1.example.jp"
                "SmtpMaxRecipients"\t"100"
                "POP3Domain"\t"pop.example.jp"
                """)
                .file("smtprelay.tab", "\"192.168.0.0\"\t\"255.255.0.0\"\n\"0.0.0.0\"\t\"0.0.0.0\"\n")
                .write();
        MailRootFixture.in(fleet.resolve("legacy/mx2"))
                .crlf()
                .charset(TextEncoding.WINDOWS_31J)
                .serverTab("""
                # XMailCFG で保存
                "RootDomain"\t"mx2.example.co.jp"
                "CustomSMTPMessage"\t"%s"
                "SmtpMsgIPBanSpammers"\t"%s"
                """.formatted(JAPANESE_MESSAGE, JAPANESE_BAN))
                .write();
        MailRootFixture.in(fleet.resolve("site-b/dc1/mx3")).serverTab("""
                "RootDomain"\t"mx3.example.net"
                "SMTP-RDNSCheck"\t"1"
                """).write();
        return Fleets.readableByAll(fleet);
    }
}
