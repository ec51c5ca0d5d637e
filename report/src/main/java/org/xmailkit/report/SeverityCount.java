package org.xmailkit.report;

import java.util.Objects;
import org.xmailkit.audit.Severity;

/**
 * How many findings of one severity, with the length of its bar in a chart.
 *
 * @param severity the severity
 * @param count    how many
 * @param bar      the bar length in chart units (0-{@link Charts#WIDTH})
 */
public record SeverityCount(Severity severity, int count, int bar) {

    public SeverityCount {
        Objects.requireNonNull(severity, "severity");
    }
}
