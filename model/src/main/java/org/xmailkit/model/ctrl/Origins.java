package org.xmailkit.model.ctrl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the local copy of a remote MailRoot came from, so that every output names the server
 * ({@code ctrl://ops@mx1.example:6018/server.tab}) instead of the folder xmailkit copied it into. Only the command
 * line registers copies it made itself; nothing read from a MailRoot can register one.
 *
 * <p>Why a process-wide registry and not the run's context, for now: the name is needed wherever a path is shown,
 * and the model builds the one-line messages of its exceptions ({@code InputException},
 * {@code WriteRefusedException}) when they are thrown, deep below any run object. Moving it onto the run means
 * exceptions that keep the path and every output naming it through the run: the 13 files of five modules that use
 * this class and the places that show an exception's message (some 50), most of them being rewritten for the run
 * context and the streaming outputs of issues 14 and 20, with which the move is best made. Until then the registry
 * holds only what makes it safe to share: keys are folders the run created itself (a new temporary folder, or a
 * {@code --snapshot} folder that had to be empty), a registration is removed when the run that made it ends (its
 * own entry only, never another's), and a lookup with nothing registered is one check of an empty map.
 */
public final class Origins {

    /**
     * One registered copy.
     *
     * @param server    {@code ctrl://user@host:port}
     * @param transport how it was read
     * @param failure   why no copy could be made, for a server that could not be read
     */
    public record Origin(String server, CtrlTransport transport, Optional<CtrlException> failure) {
        public Origin {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(failure, "failure");
        }

        /**
         * @param server    {@code ctrl://user@host:port}
         * @param transport how it was read
         */
        public Origin(String server, CtrlTransport transport) {
            this(server, transport, Optional.empty());
        }
    }

    private static final Map<Path, Origin> COPIES = new ConcurrentHashMap<>();

    private Origins() {}

    /**
     * @param directory a folder holding a copy (it need not exist: a server that could not be read has none)
     * @param origin    where it came from
     * @return a handle that removes the registration when closed
     */
    public static Registration register(Path directory, Origin origin) {
        Path key = key(directory);
        COPIES.put(key, origin);
        return () -> COPIES.remove(key, origin);
    }

    /**
     * @param path a path
     * @return the origin of the copy it lies in, if it lies in one
     */
    public static Optional<Origin> of(Path path) {
        if (COPIES.isEmpty() || path == null) {
            return Optional.empty();
        }
        for (Path p = key(path); p != null; p = p.getParent()) {
            Origin o = COPIES.get(p);
            if (o != null) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * @param path a path
     * @return for a path in a registered copy, the server and the path under it
     *         ({@code ctrl://ops@mx1:6018/server.tab}, or the server alone for the copy's folder)
     */
    public static Optional<String> name(Path path) {
        if (COPIES.isEmpty() || path == null) {
            return Optional.empty();
        }
        Path abs = key(path);
        for (Path p = abs; p != null; p = p.getParent()) {
            Origin o = COPIES.get(p);
            if (o != null) {
                String rest = p.relativize(abs).toString().replace('\\', '/');
                return Optional.of(rest.isEmpty() ? o.server() : o.server() + "/" + rest);
            }
        }
        return Optional.empty();
    }

    /**
     * @param path a path
     * @return {@link #name} for a path in a registered copy, else the path as it is
     */
    public static String display(Path path) {
        return name(path).orElseGet(() -> String.valueOf(path));
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Removes a registration. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
