package org.xmailkit.report;

import java.io.IOException;
import java.io.OutputStream;
import org.xmailkit.audit.FleetResult;

/** Writes the result of an audit in one format (text, JSON, SARIF; HTML comes with the report site). */
public interface AuditWriter {

    /**
     * @param fleet the result
     * @param out   where to write; not closed
     * @throws IOException when writing fails
     */
    void write(FleetResult fleet, OutputStream out) throws IOException;
}
