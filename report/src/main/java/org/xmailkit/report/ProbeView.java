package org.xmailkit.report;

import java.util.List;
import java.util.Objects;

/**
 * One host's wire observations as the text and HTML outputs show them: every value already translated, formatted
 * and cut to size; the template and the text writer only lay it out. Built by {@link ProbeViews}.
 *
 * @param host      the host as given
 * @param summary   one line: address, where the probe came from, how long it took
 * @param mailRoot  the MailRoot compared with it, or empty
 * @param error     why the host could not be probed, or empty
 * @param endpoints one entry per endpoint, in probe order
 * @param untested  what this Java runtime could not test, one line
 */
public record ProbeView(
        String host, String summary, String mailRoot, String error, List<EndpointView> endpoints, String untested) {

    public ProbeView {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(mailRoot, "mailRoot");
        Objects.requireNonNull(error, "error");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(untested, "untested");
    }

    /**
     * One endpoint.
     *
     * @param label    e.g. {@code smtps 127.0.0.1:465}
     * @param state    the state id: {@code open}, {@code closed}, {@code noAnswer}, {@code otherService}
     * @param status   the state in words, with the software the greeting names, e.g. {@code open, XMail 1.27}
     * @param rows     what was seen, one labelled value per row
     */
    public record EndpointView(String label, String state, String status, List<Row> rows) {
        public EndpointView {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(status, "status");
            rows = List.copyOf(rows);
        }
    }

    /**
     * One labelled value.
     *
     * @param label what it is, e.g. {@code STARTTLS}
     * @param value what was seen
     * @param alert whether it is what a finding is about (shown emphasised)
     */
    public record Row(String label, String value, boolean alert) {
        public Row {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }
}
