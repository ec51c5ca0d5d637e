package org.xmailkit.audit.rules.cfg;

import org.xmailkit.audit.Reference;

/** Sources the CFG, UPG and LOC rules cite. */
public final class References {

    /** The name of XMail's own source as cited. */
    public static final String SOURCE = "XMail 1.27 source";
    /** The ChangeLog shipped with XMail 1.27, covering every version back to 1999. */
    public static final String CHANGELOG = "XMail 1.27 ChangeLog";

    /** How server.tab lines are read and stored (first occurrence wins; two or more tokens). */
    public static final Reference READ_CONFIG = Reference.of(SOURCE, "SvrUtils.cpp SvrReadConfig");
    /** Line reading: 2046-byte reads, comments, CR/LF stripping. */
    public static final Reference CONFIG_LINE = Reference.of(SOURCE, "MiscUtils.cpp MscGetConfigLine");
    /** TAB tokenising and de-quoting. */
    public static final Reference TOKENS = Reference.of(SOURCE, "StrUtils.cpp StrGetTabLineStrings, StrDeQuote");
    /** Flag and integer accessors. */
    public static final Reference ACCESSORS = Reference.of(SOURCE, "SvrUtils.cpp SvrTestConfigFlag, SvrGetConfigInt");
    /** Option lists in values. */
    public static final Reference OPTIONS = Reference.of(SOURCE, "MiscUtils.cpp MscParseOptions");
    /** The XMailCFG settings page for XMail 1.27 (required fields, display names, localized section). */
    public static final Reference XMAILCFG_PAGE = new Reference("XMailCFG, XMail 環境設定 (XMail 1.27)", "",
            "https://www.dojo.jp/xmail/sample/xmailcfg/cgi/xmailenv.cgi?top");
    /** SMTP replies: a three-digit code, then text. */
    public static final Reference RFC5321_REPLIES = Reference.of("RFC 5321", "4.2");
    /** SMTP syntax of domains and mailboxes. */
    public static final Reference RFC5321_SYNTAX = Reference.of("RFC 5321", "4.1.2");

    private References() {
    }

    /**
     * @param version an XMail version as the ChangeLog names it
     * @return a reference to that ChangeLog entry
     */
    public static Reference changeLog(String version) {
        return Reference.of(CHANGELOG, "version " + version);
    }
}
