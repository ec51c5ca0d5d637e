package org.xmailkit.report;

import java.util.List;
import java.util.Objects;

/**
 * The model of {@code audit --format html}: one self-contained page with every server's grade and findings.
 *
 * @param fleet   the fleet totals
 * @param servers the servers, in input order (their settings and migration plans are not shown)
 */
public record AuditPage(ReportModel fleet, List<ServerReport> servers) {

    public AuditPage {
        Objects.requireNonNull(fleet, "fleet");
        servers = List.copyOf(servers);
    }
}
