package org.xmailkit.model;

/**
 * The one way to cite a source, for every rule group and migration step: XMail's own source, Readme and ChangeLog,
 * RFCs and CWE entries (with links), and the facts several of them rest on.
 */
public final class References {

    /** The name of XMail's own source as cited. */
    public static final String SOURCE = "XMail 1.27 source";
    /** The ChangeLog shipped with XMail 1.27, covering every version back to 1999. */
    public static final String CHANGELOG = "XMail 1.27 ChangeLog";
    /** The Readme shipped with XMail 1.27. */
    public static final String README = "XMail 1.27 Readme";

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
    /** The SMTP gateway options ({@code NeedTLS}, {@code OutBind}) of SmtpGwConfig and the gateway lists. */
    public static final Reference GATEWAY_OPTIONS = Reference.of(SOURCE, "SMTPUtils.cpp USmtpOptionsAssign");
    /** smtpfwd.tab: the gateway column, a leading {@code #} for random order, options in column 3. */
    public static final Reference FORWARD_GATEWAYS = Reference.of(SOURCE, "SMTPUtils.cpp USmtpGetFwdGateways");
    /** The SmtpConfig tokens ({@code MailAuth}/{@code mail-auth}, {@code WantTLS}), compared case-sensitively. */
    public static final Reference SMTPCONFIG_TOKENS = Reference.of(SOURCE, "SMTPSvr.cpp SMTPSvrCfgOptionsAssign");
    /** The older SmtpConfig code, which compared {@code mail-auth} ignoring case. */
    public static final Reference SMTPCONFIG_TOKENS_OLD =
            Reference.of("XMail 1.3-1.5 source", "SMTPSvr.cpp (case-insensitive mail-auth)");
    /** The older server.tab reader, which skipped any line without exactly two tokens. */
    public static final Reference LIST_READER =
            Reference.of("XMail 1.2x source", "SvrUtils.cpp (list-based reader, exactly two tokens)");
    /** DefaultSmtpPerms' built-in value, MRVZ since 1.27pre01 (MR before). */
    public static final Reference PERMS_DEFAULT = Reference.of(SOURCE, "SMTPSvr.cpp SMTPGetUserSmtpPerms (1.27pre01)");
    /** The built-in value (1) of the three TLS switches. */
    public static final Reference TLS_DEFAULTS =
            Reference.of(SOURCE, "SvrTestConfigFlag defaults of EnableSMTP-TLS, EnablePOP3-TLS, EnableCTRL-TLS (1)");
    /** XMail 1.27's address check, which the localized build's switches relax. */
    public static final Reference ADDRESS_CHECK = Reference.of(SOURCE, "USmlValidAddress (dot-atom check)");
    /** The XMailCFG settings page for XMail 1.27 (required fields, display names, localized section). */
    public static final Reference XMAILCFG_PAGE = new Reference(
            "XMailCFG, XMail 環境設定 (XMail 1.27)", "", "https://www.dojo.jp/xmail/sample/xmailcfg/cgi/xmailenv.cgi?top");
    /** SMTP replies: a three-digit code, then text. */
    public static final Reference RFC5321_REPLIES = Reference.of("RFC 5321", "4.2");
    /** SMTP syntax of domains and mailboxes. */
    public static final Reference RFC5321_SYNTAX = Reference.of("RFC 5321", "4.1.2");

    private References() {}

    /**
     * @param version an XMail version as the ChangeLog names it
     * @return a reference to that ChangeLog entry
     */
    public static Reference changeLog(String version) {
        return Reference.of(CHANGELOG, "version " + version);
    }

    /**
     * @param fileAndFunction e.g. {@code SMTPSvr.cpp SMTPHandleCmd_STARTTLS}
     * @return a reference into XMail 1.27's source
     */
    public static Reference source(String fileAndFunction) {
        return Reference.of(SOURCE, fileAndFunction);
    }

    /**
     * @param section e.g. {@code server.tab CustMapsList}
     * @return a reference into XMail 1.27's Readme
     */
    public static Reference readme(String section) {
        return Reference.of(README, section);
    }

    /**
     * @param number  the RFC's number
     * @param section the section, e.g. {@code 4.1}
     * @return a reference to the section, with a link to the RFC Editor's page
     */
    public static Reference rfc(int number, String section) {
        return new Reference(
                "RFC " + number, section, "https://www.rfc-editor.org/rfc/rfc" + number + ".html#section-" + section);
    }

    /**
     * @param number a CWE entry, e.g. 532
     * @return a reference to it, with a link to MITRE's page
     */
    public static Reference cwe(int number) {
        return new Reference("CWE-" + number, "", "https://cwe.mitre.org/data/definitions/" + number + ".html");
    }

    /**
     * @param section a section of NIST SP 800-52 Rev. 2 (TLS guidelines), e.g. {@code 3.1}
     * @return a reference to it, with a link to the publication
     */
    public static Reference nist(String section) {
        return new Reference("NIST SP 800-52r2", section, "https://doi.org/10.6028/NIST.SP.800-52r2");
    }
}
