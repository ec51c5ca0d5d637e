package org.xmailkit.audit.rules.upg;

import org.xmailkit.model.XMailVersion;
import org.xmailkit.model.version.SourceVersion;

/**
 * The versions that changed configuration behaviour (XMail ChangeLog; 1.26 and 1.27pre01 from XMail's source, whose
 * changes the ChangeLog does not mention), and certainty wording for messages.
 */
final class Changes {

    /** SMTP-RDNSCheck (and the MAPS checks) got their current meaning: > 0 refuse, < 0 delay. */
    static final XMailVersion RDNS_SEMANTICS = XMailVersion.parse("0.71");
    /** aliasdomain.tab must exist. */
    static final XMailVersion ALIASDOMAIN = XMailVersion.parse("1.1");
    /** cmdaliases/ must exist. */
    static final XMailVersion CMDALIASES = XMailVersion.parse("1.2");
    /** filters.in.tab and filters.out.tab must exist. */
    static final XMailVersion FILTERS = XMailVersion.parse("1.14");
    /** RemoveSpoolErrors means "never freeze" (1.19/1.20: the later of the two, as the entry covers both). */
    static final XMailVersion REMOVE_SPOOL_ERRORS = XMailVersion.parse("1.20");
    /** TLS, the `;` gateway separator, the smtpextauth.tab rework, and (at the latest) 3+-token lines read. */
    static final XMailVersion V1_24 = XMailVersion.parse("1.24");
    /** SmtpConfig tokens compared case-sensitively (first version known to). */
    static final XMailVersion V1_26 = XMailVersion.parse("1.26");
    /** DefaultSmtpPerms default MRVZ; RCPT TO:&lt;postmaster&gt; rewritten. */
    static final XMailVersion V1_27PRE01 = XMailVersion.parse("1.27pre01");

    private Changes() {}

    /**
     * @param source the source version
     * @param change the version that made a change
     * @return the message key suffix: {@code certain} when the source is certainly older, else {@code may}
     */
    static String certainty(SourceVersion source, XMailVersion change) {
        return source.certainlyBefore(change) ? "certain" : "may";
    }
}
