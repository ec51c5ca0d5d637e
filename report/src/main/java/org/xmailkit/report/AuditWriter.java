package org.xmailkit.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.xmailkit.audit.FleetResult;
import org.xmailkit.audit.FleetScope;
import org.xmailkit.audit.FleetSummary;
import org.xmailkit.audit.ServerAudit;
import org.xmailkit.model.MailRoot;

/**
 * Writes the result of an audit in one format (text, JSON, SARIF, the HTML page), one server at a time: a
 * {@link Session} is started before the first server is audited, takes each server in order as soon as it is done and
 * keeps nothing of it but counts, and finishes with the fleet's {@link FleetSummary}. What a format must write before
 * the servers but can know only after them (JSON's summary) is written at the end, the servers' part copied from a
 * spool ({@link org.xmailkit.model.fs.Spool}); so the memory an output needs does not grow with the fleet.
 */
public interface AuditWriter {

    /**
     * @param scope what the audit is about
     * @param out   where to write; not closed
     * @return the session taking the servers
     * @throws IOException when writing fails
     */
    Session start(FleetScope scope, OutputStream out) throws IOException;

    /**
     * Writes a fleet held in memory whole.
     *
     * @param fleet the result
     * @param out   where to write; not closed
     * @throws IOException when writing fails
     */
    default void write(FleetResult fleet, OutputStream out) throws IOException {
        try (Session s = start(fleet.scope(), out)) {
            for (ServerAudit server : fleet.servers()) {
                s.server(server, s.prepare(server, null));
            }
            s.finish(fleet.summary());
        }
    }

    /** One output being written. Closing it releases what {@link #finish} did not (a spool). */
    interface Session extends Closeable {

        /**
         * Work for one server done on the thread that audited it, while its MailRoot is at hand (the HTML page is
         * rendered there); thread-safe. The default does nothing.
         *
         * @param server the server's audit
         * @param root   the MailRoot it was audited from, or null when it failed or is not at hand
         * @return what {@link #server} takes with the server
         */
        default Object prepare(ServerAudit server, MailRoot root) {
            return null;
        }

        /**
         * @param server   the next server, in order
         * @param prepared what {@link #prepare} gave for it
         * @throws IOException when writing fails
         */
        void server(ServerAudit server, Object prepared) throws IOException;

        /**
         * Writes what comes after the servers (and, for some formats, everything).
         *
         * @param summary the fleet's counts
         * @throws IOException when writing fails
         */
        void finish(FleetSummary summary) throws IOException;

        @Override
        default void close() throws IOException {}
    }
}
