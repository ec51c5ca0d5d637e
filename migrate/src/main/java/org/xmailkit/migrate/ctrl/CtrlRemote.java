package org.xmailkit.migrate.ctrl;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xmailkit.migrate.MigrateMessages;
import org.xmailkit.migrate.RemoteServer;
import org.xmailkit.migrate.WriteException;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.CtrlSession;
import org.xmailkit.model.ctrl.CtrlText;
import org.xmailkit.model.ctrl.RemoteMailRoot;
import org.xmailkit.model.fs.WriteRefusedException;

/**
 * Replaces files of a remote MailRoot over CTRL with the checks XMail itself does not make. XMail's cfgfileset writes
 * the target in place with no temporary file it renames: an upload cut short installs the lines received so far, and
 * no lines at all delete the file (CTRLSvr.cpp CTRLDo_cfgfileset, MiscUtils.cpp MscRecvTextFile; both seen on XMail
 * 1.27). So, per run: learn once which line break the server writes (a one-line probe file, then deleted), refuse
 * before any upload when a file changed since it was read or cannot be stored byte for byte; per file: read it again
 * just before the upload, upload, read it back; when it does not read back as sent, or the connection failed during
 * the upload, reconnect once, look, and upload the original from the backup when the server holds neither. No
 * upload is ever repeated silently: every failure ends the server's run and names the backup.
 */
public final class CtrlRemote implements RemoteServer, AutoCloseable {

    /** The probe file, at the top of the MailRoot; XMail reads no file of that name. */
    public static final String PROBE = "xmailkit-newline.probe";
    /** How long to wait before looking again after a failed upload (XMail installs a cut upload when it notices). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /** Opens a new logged-in session. */
    @FunctionalInterface
    public interface Connector {
        /**
         * @return a new session
         * @throws CtrlException when none can be opened
         */
        CtrlSession open() throws CtrlException;
    }

    private final String server;
    private final Connector connector;
    private final Duration settle;
    private CtrlSession session;
    private CtrlText.Newline newline;

    /**
     * @param server    the server, as {@code ctrl://user@host:port}
     * @param connector opens sessions (one at first; one more only to look after a failed upload)
     */
    public CtrlRemote(String server, Connector connector) {
        this(server, connector, SETTLE);
    }

    CtrlRemote(String server, Connector connector, Duration settle) {
        this.server = Objects.requireNonNull(server, "server");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.settle = settle;
    }

    @Override
    public String name() {
        return server;
    }

    @Override
    public synchronized void prepare(Map<String, Change> files) throws IOException {
        CtrlSession s = session();
        if (newline == null) {
            newline = probe(s);
        }
        for (Map.Entry<String, Change> e : files.entrySet()) {
            Change c = e.getValue();
            if (!holds(RemoteMailRoot.current(s, e.getKey()), c.before())) {
                throw new WriteRefusedException(c.local(), WriteRefusedException.Reason.CHANGED);
            }
            refuseUnless(c, c.before(), "before");
            refuseUnless(c, c.after(), "after");
        }
    }

    @Override
    public synchronized void replace(String name, Change c) throws IOException {
        if (newline == null) {
            throw new IllegalStateException("prepare first");
        }
        CtrlSession s = session();
        if (!holds(RemoteMailRoot.current(s, name), c.before())) {
            throw new WriteRefusedException(c.local(), WriteRefusedException.Reason.CHANGED);
        }
        try {
            upload(s, name, c.after());
        } catch (CtrlException e) {
            if (e.kind() != CtrlException.Kind.UNCONFIRMED) {
                throw e; // refused before any line was sent: nothing changed
            }
            recover(name, c, e);
            return;
        }
        Optional<RemoteMailRoot.Remote> now;
        try {
            now = RemoteMailRoot.current(s, name);
        } catch (CtrlException e) {
            recover(name, c, e); // uploaded and confirmed, but the reading back failed: look again
            return;
        }
        if (holds(now, c.after())) {
            return;
        }
        // XMail answered OK but holds something else (a line it cut, a byte its text mode changed): put it back.
        restore(s, name, c, "ctrl.readBack");
    }

    private void refuseUnless(Change c, byte[] bytes, String which) throws WriteException {
        if (bytes.length == 0 && which.equals("before")) {
            return; // a new file: restoring it means deleting it, which cfgfileset does with no lines
        }
        CtrlText.Upload u = CtrlText.upload(bytes, newline);
        if (u.refusal().isPresent()) {
            throw new WriteException(
                    c.local(),
                    MigrateMessages.text("ctrl.cannotStore." + u.refusal().get().name(), newline.name(), u.line()),
                    null);
        }
    }

    private void upload(CtrlSession s, String name, byte[] bytes) throws CtrlException {
        s.put(
                name,
                bytes.length == 0 ? List.of() : CtrlText.upload(bytes, newline).lines());
    }

    /** After a failed upload: look with a new session, and put the original back when the server holds neither. */
    private void recover(String name, Change c, CtrlException cause) throws IOException {
        abandon();
        sleep(settle);
        CtrlSession s;
        try {
            s = session();
        } catch (CtrlException e) {
            throw new WriteException(c.local(), MigrateMessages.text("ctrl.unknown", c.backup()), e);
        }
        Optional<RemoteMailRoot.Remote> now = RemoteMailRoot.current(s, name);
        if (holds(now, c.after())) {
            return; // the upload had reached XMail whole; only its answer was lost
        }
        if (holds(now, c.before())) {
            throw new WriteException(c.local(), MigrateMessages.text("ctrl.interruptedUnchanged", c.backup()), cause);
        }
        restore(s, name, c, "ctrl.interrupted");
    }

    private void restore(CtrlSession s, String name, Change c, String what) throws IOException {
        try {
            upload(s, name, c.before());
            if (holds(RemoteMailRoot.current(s, name), c.before())) {
                throw new WriteException(c.local(), MigrateMessages.text(what + ".restored", c.backup()), null);
            }
        } catch (CtrlException e) {
            throw new WriteException(c.local(), MigrateMessages.text(what + ".damaged", c.backup()), e);
        }
        throw new WriteException(c.local(), MigrateMessages.text(what + ".damaged", c.backup()), null);
    }

    /** Learns the server's line break: a one-line file is 2 bytes with LF, 3 with CRLF; then it is deleted. */
    private CtrlText.Newline probe(CtrlSession s) throws IOException {
        s.put(PROBE, List.of(new byte[] {'x'}));
        Optional<RemoteMailRoot.Remote> r = RemoteMailRoot.current(s, PROBE);
        s.put(PROBE, List.of());
        if (RemoteMailRoot.current(s, PROBE).isPresent()) {
            // An empty upload did not delete the file: this server does not write as XMail 1.27 does.
            throw new CtrlException(server, CtrlException.Kind.PROTOCOL, "cfgfileset " + PROBE);
        }
        long size = r.map(RemoteMailRoot.Remote::size).orElse(-1L);
        if (size == 2) {
            return CtrlText.Newline.LF;
        }
        if (size == 3) {
            return CtrlText.Newline.CRLF;
        }
        throw new CtrlException(server, CtrlException.Kind.PROTOCOL, "cfgfileset " + PROBE);
    }

    private static boolean holds(Optional<RemoteMailRoot.Remote> now, byte[] bytes) {
        return now.isEmpty() ? bytes.length == 0 : now.get().holds(bytes);
    }

    private CtrlSession session() throws CtrlException {
        if (session == null) {
            session = connector.open();
        }
        return session;
    }

    private void abandon() {
        if (session != null) {
            session.abort();
            session = null;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
