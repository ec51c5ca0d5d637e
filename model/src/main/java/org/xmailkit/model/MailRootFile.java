package org.xmailkit.model;

import java.util.List;
import java.util.Optional;

/**
 * The MailRoot {@code .tab} files xmailkit reads besides server.tab, with how XMail 1.27 reads each
 * (each file's reader in XMail 1.27's source, and the 1.27 Readme): line buffer, comment rule, minimum columns and
 * what the columns mean.
 */
public enum MailRootFile {
    SERVER_TAB("server.tab", 2048, true, 2, "name", "value"),
    SMTP_RELAY("smtprelay.tab", 512, true, 1, "address", "netmask"),
    SPAMMERS("spammers.tab", 512, true, 1, "address", "netmask", "params"),
    // Buffer size of spam-address.tab's reader is not recorded; 512, the smallest XMail uses, is the conservative
    // choice.
    SPAM_ADDRESS("spam-address.tab", 512, true, 1, "pattern"),
    SMTP_IPMAP("smtp.ipmap.tab", 512, true, 4, "address", "netmask", "action", "precedence"),
    POP3_IPMAP("pop3.ipmap.tab", 512, true, 4, "address", "netmask", "action", "precedence"),
    CTRL_IPMAP("ctrl.ipmap.tab", 512, true, 4, "address", "netmask", "action", "precedence"),
    FINGER_IPMAP("finger.ipmap.tab", 512, true, 4, "address", "netmask", "action", "precedence"),
    SMTP_IPPROP("smtp.ipprop.tab", 1024, true, 2, "address", "property"),
    SMTP_HNPROP("smtp.hnprop.tab", 1024, true, 2, "host", "property"),
    /** No comment support: a {@code #} line is still an account (CTRLSvr.cpp reads it with MscFGets only). */
    CTRL_ACCOUNTS("ctrlaccounts.tab", 512, false, 2, "user", "password"),
    // The index builder's line buffer is not recorded; 2048 (the largest XMail uses) avoids reporting false splits.
    MAIL_USERS("mailusers.tab", 2048, true, 6, "domain", "account", "password", "id", "directory", "type"),
    SMTP_AUTH("smtpauth.tab", 512, true, 3, "user", "password", "permissions"),
    SMTP_EXTAUTH("smtpextauth.tab", 1024, true, 2, "mechanism", "program", "argument"),
    // userdef.tab is read with MscFGets; its buffer is not recorded, 2048 assumed as for mailusers.tab.
    USERDEF("userdef.tab", 2048, true, 2, "name", "value"),
    SMTP_GW("smtpgw.tab", 1024, true, 2, "domain", "route"),
    SMTP_FWD("smtpfwd.tab", 1024, true, 2, "domain", "gateways", "options"),
    EXT_ALIASES("extaliases.tab", 2048, true, 4, "ext-domain", "ext-account", "local-domain", "local-user"),
    ALIASES("aliases.tab", 2048, true, 3, "domain", "alias", "target"),
    DOMAINS("domains.tab", 2048, true, 1, "domain"),
    ALIAS_DOMAINS("aliasdomain.tab", 2048, true, 2, "alias-domain", "domain"),
    POP3_LINKS(
            "pop3links.tab",
            2048,
            true,
            6,
            "local-domain",
            "local-account",
            "remote-host",
            "remote-user",
            "password",
            "options"),
    FILTERS_IN("filters.in.tab", 512, true, 5, "sender", "recipient", "remote-address", "local-address", "filter"),
    FILTERS_OUT("filters.out.tab", 512, true, 5, "sender", "recipient", "remote-address", "local-address", "filter"),
    FILTERS_PRE_DATA("filters.pre-data.tab", 1024, true, 1, "command", "argument"),
    FILTERS_POST_DATA("filters.post-data.tab", 1024, true, 1, "command", "argument"),
    FILTERS_POST_RCPT("filters.post-rcpt.tab", 1024, true, 1, "command", "argument");

    private final String fileName;

    @SuppressWarnings("ImmutableEnumChecker") // a record of final values
    private final TabFormat format;

    private final int minColumns;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> columns;

    MailRootFile(String fileName, int buffer, boolean hashComments, int minColumns, String... columns) {
        this.fileName = fileName;
        this.format = TabFormat.withBuffer(buffer, hashComments);
        this.minColumns = minColumns;
        this.columns = List.of(columns);
    }

    /** @return the lower-case file name XMail opens */
    public String fileName() {
        return fileName;
    }

    /** @return how XMail reads it */
    public TabFormat format() {
        return format;
    }

    /** @return the fewest columns XMail accepts on a line; shorter lines are skipped */
    public int minColumns() {
        return minColumns;
    }

    /** @return what the columns mean, in order (the last may repeat) */
    public List<String> columns() {
        return columns;
    }

    /**
     * @param fileName a file name
     * @return the kind, if xmailkit knows it
     */
    public static Optional<MailRootFile> byFileName(String fileName) {
        for (MailRootFile f : values()) {
            if (f.fileName.equals(fileName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
