package org.xmailkit.audit;

import java.util.Locale;

/** How serious a finding is. External form: the lower-case name, parsed strictly. */
public enum Severity {
    CRITICAL("error", 9.5),
    HIGH("error", 8.0),
    MEDIUM("warning", 5.5),
    LOW("note", 3.0),
    INFO("note", 0.0);

    private final String sarifLevel;
    private final double securitySeverity;

    Severity(String sarifLevel, double securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** @return the SARIF 2.1.0 result level */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** @return the numeric {@code security-severity} (0.0-10.0, as code-scanning tools read it) */
    public double securitySeverity() {
        return securitySeverity;
    }

    /**
     * @param other a severity
     * @return whether this one is as serious as the other or more
     */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }

    /** @return the external form, e.g. {@code high} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text {@code critical}, {@code high}, {@code medium}, {@code low} or {@code info}, any case
     * @return the severity
     * @throws IllegalArgumentException for anything else
     */
    public static Severity parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "'");
    }
}
