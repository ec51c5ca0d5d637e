package org.xmailkit.report;

import java.util.Objects;

/**
 * The model of {@code audit --format html} around its servers: one self-contained page with every server's grade and
 * findings, whose rows and sections are rendered one server at a time ({@link HtmlRenderer#auditRow},
 * {@link HtmlRenderer#auditSection}).
 *
 * @param fleet the fleet totals
 */
public record AuditPage(ReportModel fleet) {

    public AuditPage {
        Objects.requireNonNull(fleet, "fleet");
    }
}
