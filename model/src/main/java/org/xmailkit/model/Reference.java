package org.xmailkit.model;

import java.util.Objects;

/**
 * Where a rule's requirement or fact comes from.
 *
 * @param source  the document, e.g. {@code RFC 3207}, {@code XMail 1.27 source}, {@code NIST SP 800-52r2}
 * @param section the section or place, e.g. {@code 4}, {@code SMTPSvr.cpp SMTPCheckRelayCapability}
 * @param url     a link, or empty
 */
public record Reference(String source, String section, String url) {

    public Reference {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(url, "url");
    }

    /**
     * @param source  the document
     * @param section the section
     * @return a reference without link
     */
    public static Reference of(String source, String section) {
        return new Reference(source, section, "");
    }

    /** @return e.g. {@code RFC 3207 §4} */
    public String display() {
        return section.isEmpty() ? source : source + " " + (Character.isDigit(section.charAt(0)) ? "§" : "") + section;
    }
}
