package org.xmailkit.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.xmailkit.migrate.ctrl.CtrlRemote;
import org.xmailkit.model.InputException;
import org.xmailkit.model.MailRoots;
import org.xmailkit.model.ctrl.CtrlException;
import org.xmailkit.model.ctrl.CtrlPassword;
import org.xmailkit.model.ctrl.CtrlSession;
import org.xmailkit.model.ctrl.CtrlSettings;
import org.xmailkit.model.ctrl.CtrlTransport;
import org.xmailkit.model.ctrl.CtrlTrust;
import org.xmailkit.model.ctrl.CtrlUrl;
import org.xmailkit.model.ctrl.Origins;
import org.xmailkit.model.ctrl.PrivateFiles;
import org.xmailkit.model.ctrl.RemoteMailRoot;

/**
 * The inputs of a command that takes MailRoots: local paths, and remote servers named as
 * {@code ctrl://USER@HOST[:PORT]} (operands, or lines of {@code --servers FILE}). Each remote server is copied over
 * CTRL into a local folder that the command then reads like any MailRoot; copies are made in parallel (at most
 * {@code --ctrl-parallel} at once), a server that cannot be read is reported as failed and the others go on. Copies
 * are private folders, deleted when the command ends unless {@code --snapshot DIR} keeps them. Passwords come from a
 * file only its owner can read, the environment or the terminal, never the command line; they stay in memory for
 * the command's writes and are cleared at the end.
 */
final class RemoteInputs implements AutoCloseable {

    /** Where known CTRL certificates are kept when {@code --ctrl-known-hosts} is not given. */
    static final String DEFAULT_KNOWN_HOSTS = ".xmailkit/ctrl_known_hosts";

    private static final int DEFAULT_PARALLEL = 8;
    private static final int MAX_PARALLEL = 64;
    private static final int DEFAULT_TIMEOUT = 30;

    /**
     * One remote server and how to reach it.
     *
     * @param url          the server and account
     * @param settings     transport, trust, timeouts
     * @param passwordFile its password file, if one is named for it
     */
    record Spec(CtrlUrl url, CtrlSettings settings, Optional<Path> passwordFile) {}

    /**
     * A remote server after copying.
     *
     * @param spec      the server
     * @param directory the local copy (for a failed server, a folder that stands for it and does not exist)
     * @param snapshot  what was copied
     * @param failure   why it could not be copied
     * @param took      how long the copy took
     */
    record Collected(
            Spec spec,
            Path directory,
            Optional<RemoteMailRoot.Snapshot> snapshot,
            Optional<CtrlException> failure,
            Duration took) {}

    private final List<Path> local;
    private final List<Spec> remote;
    private final Optional<Path> snapshotDir;
    private final int parallel;
    private final Map<String, String> environment;
    private final Optional<CtrlPassword.Prompt> prompt;
    private final Map<Spec, byte[]> passwords = new LinkedHashMap<>();
    private final List<Origins.Registration> registrations = new ArrayList<>();
    private final List<CtrlRemote> writers = new ArrayList<>();
    private Path base;
    private boolean temporary;
    private Thread cleanup;

    private RemoteInputs(
            List<Path> local,
            List<Spec> remote,
            Optional<Path> snapshotDir,
            int parallel,
            Map<String, String> environment,
            Optional<CtrlPassword.Prompt> prompt) {
        this.local = List.copyOf(local);
        this.remote = List.copyOf(remote);
        this.snapshotDir = snapshotDir;
        this.parallel = parallel;
        this.environment = environment;
        this.prompt = prompt;
    }

    /**
     * Adds the options for remote servers.
     *
     * @param o      the command's options
     * @param locale the language of the descriptions
     */
    static void addOptions(Options o, Locale locale) {
        o.addOption(Args.valued(null, "servers", "FILE", locale, "opt.ctrl.servers"));
        o.addOption(Args.valued(null, "snapshot", "DIR", locale, "opt.ctrl.snapshot"));
        perServer(o, locale);
        o.addOption(Args.valued(null, "ctrl-timeout", "SECONDS", locale, "opt.ctrl.timeout"));
        o.addOption(Args.valued(null, "ctrl-parallel", "N", locale, "opt.ctrl.parallel"));
    }

    /** The options a line of a servers file may give for its server. */
    private static void perServer(Options o, Locale locale) {
        o.addOption(Args.valued(null, "ctrl-password-file", "FILE", locale, "opt.ctrl.passwordFile"));
        o.addOption(Args.valued(null, "ctrl-fingerprint", "SHA256", locale, "opt.ctrl.fingerprint"));
        o.addOption(Args.valued(null, "ctrl-ca", "FILE", locale, "opt.ctrl.ca"));
        o.addOption(Args.valued(null, "ctrl-known-hosts", "FILE", locale, "opt.ctrl.knownHosts"));
        o.addOption(Args.valued(null, "ctrl-tls", "ctrls|starttls", locale, "opt.ctrl.tls"));
        o.addOption(Args.flag(null, "ctrl-insecure", locale, "opt.ctrl.insecure"));
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @param min the fewest servers (local paths and remote servers together)
     * @return the inputs
     * @throws UsageException for a bad address, option or servers file, or too few inputs
     */
    static RemoteInputs of(CommandLine cl, CommandContext ctx, int min) throws UsageException {
        return of(cl, ctx, min, System.getenv(), consolePrompt(ctx));
    }

    static RemoteInputs of(
            CommandLine cl,
            CommandContext ctx,
            int min,
            Map<String, String> environment,
            Optional<CtrlPassword.Prompt> prompt)
            throws UsageException {
        List<Path> local = new ArrayList<>();
        List<Spec> remote = new ArrayList<>();
        Defaults defaults = Defaults.of(cl, ctx);
        for (String a : cl.getArgList()) {
            if (CtrlUrl.looksLike(a)) {
                remote.add(spec(url(a, ctx, ""), cl, defaults, ctx, ctx.workingDir()));
            } else {
                local.add(ctx.resolve(a));
            }
        }
        if (cl.hasOption("servers")) {
            remote.addAll(serversFile(
                    ctx.resolve(cl.getOptionValue("servers")), cl.getOptionValue("servers"), defaults, ctx));
        }
        if (local.size() + remote.size() < min) {
            throw new UsageException(ctx.msg("cli.missingPaths"));
        }
        Set<CtrlUrl> seen = new HashSet<>();
        for (Spec s : remote) {
            if (!seen.add(s.url())) {
                throw new UsageException(ctx.msg("ctrl.twice", s.url()));
            }
        }
        if (remote.isEmpty()) {
            for (String o : List.of(
                    "snapshot",
                    "ctrl-password-file",
                    "ctrl-fingerprint",
                    "ctrl-ca",
                    "ctrl-known-hosts",
                    "ctrl-tls",
                    "ctrl-insecure",
                    "ctrl-timeout",
                    "ctrl-parallel")) {
                if (cl.hasOption(o)) {
                    throw new UsageException(ctx.msg("ctrl.optionWithoutServer", "--" + o));
                }
            }
        }
        int parallel = number(cl, ctx, "ctrl-parallel", DEFAULT_PARALLEL, 1, MAX_PARALLEL);
        Optional<Path> snapshot =
                Optional.ofNullable(cl.getOptionValue("snapshot")).map(ctx::resolve);
        if (snapshot.isPresent() && !newOrEmpty(snapshot.get())) {
            throw new UsageException(ctx.msg("ctrl.snapshotBusy", snapshot.get()));
        }
        return new RemoteInputs(local, remote, snapshot, parallel, environment, prompt);
    }

    private static boolean newOrEmpty(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** What applies to every remote server unless its line in a servers file says otherwise. */
    private record Defaults(CommandLine global, Path workingDir, Duration timeout) {
        static Defaults of(CommandLine cl, CommandContext ctx) throws UsageException {
            int seconds = number(cl, ctx, "ctrl-timeout", DEFAULT_TIMEOUT, 1, 3600);
            return new Defaults(cl, ctx.workingDir(), Duration.ofSeconds(seconds));
        }

        /**
         * @param own    a server's own options (a servers-file line, or the command line itself)
         * @param option a per-server option
         * @return its value: the server's own, else the command line's
         */
        Optional<String> value(CommandLine own, String option) {
            return Optional.ofNullable(own.getOptionValue(option))
                    .or(() -> Optional.ofNullable(global.getOptionValue(option)));
        }

        /**
         * @param own     a server's own options
         * @param ownBase the folder its file names are relative to (the servers file's)
         * @param option  a per-server option naming a file
         * @return the file: the server's own, else the command line's (relative to the working directory)
         */
        Optional<Path> file(CommandLine own, Path ownBase, String option) {
            String mine = own.getOptionValue(option);
            if (mine != null) {
                return Optional.of(ownBase.resolve(mine));
            }
            return Optional.ofNullable(global.getOptionValue(option)).map(workingDir::resolve);
        }

        /**
         * @param own    a server's own options
         * @param option a per-server flag
         * @return whether the server or the command line gives it
         */
        boolean flag(CommandLine own, String option) {
            return own.hasOption(option) || global.hasOption(option);
        }
    }

    private static CtrlUrl url(String text, CommandContext ctx, String where) throws UsageException {
        try {
            return CtrlUrl.parse(text);
        } catch (IllegalArgumentException e) {
            // The message never repeats the text: it may hold a password typed by mistake.
            throw new UsageException(where + ctx.msg("ctrl.badUrl", e.getMessage()));
        }
    }

    /** A server's settings: its own options first (a servers-file line), then the command line's. */
    private static Spec spec(CtrlUrl url, CommandLine own, Defaults defaults, CommandContext ctx, Path base)
            throws UsageException {
        boolean insecure = defaults.flag(own, "ctrl-insecure");
        Optional<String> tls = defaults.value(own, "ctrl-tls");
        if (insecure && tls.isPresent()) {
            throw new UsageException(ctx.msg("ctrl.insecureAndTls"));
        }
        CtrlTransport transport;
        if (insecure) {
            transport = CtrlTransport.CLEARTEXT;
        } else if (tls.isEmpty()) {
            transport = CtrlTransport.forPort(url.port());
        } else if (tls.get().equalsIgnoreCase("ctrls")) {
            transport = CtrlTransport.TLS;
        } else if (tls.get().equalsIgnoreCase("starttls")) {
            transport = CtrlTransport.STARTTLS;
        } else {
            throw new UsageException(ctx.msg("cli.badValue", "--ctrl-tls", tls.get(), "ctrls|starttls"));
        }
        CtrlTrust trust;
        Optional<String> pin = defaults.value(own, "ctrl-fingerprint");
        Optional<Path> ca = defaults.file(own, base, "ctrl-ca");
        Optional<Path> known = defaults.file(own, base, "ctrl-known-hosts");
        if (pin.isPresent()) {
            try {
                trust = new CtrlTrust.Pinned(pin.get());
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        ctx.msg("cli.badValue", "--ctrl-fingerprint", pin.get(), "SHA-256 (64 hex digits)"));
            }
        } else if (ca.isPresent()) {
            trust = new CtrlTrust.Authority(ca.get());
        } else {
            trust = new CtrlTrust.KnownHosts(known.orElseGet(
                    () -> Path.of(System.getProperty("user.home")).resolve(DEFAULT_KNOWN_HOSTS)));
        }
        Optional<Path> password = defaults.file(own, base, "ctrl-password-file");
        return new Spec(
                url, new CtrlSettings(transport, trust, CtrlSettings.CONNECT_TIMEOUT, defaults.timeout()), password);
    }

    /**
     * A servers file: one {@code ctrl://} address per line, optionally followed by that server's own options
     * ({@code --ctrl-fingerprint}, {@code --ctrl-ca}, {@code --ctrl-known-hosts}, {@code --ctrl-tls},
     * {@code --ctrl-insecure}, {@code --ctrl-password-file}); blank lines and lines starting with {@code #} are
     * skipped; file names are relative to the servers file.
     */
    private static List<Spec> serversFile(Path file, String typed, Defaults defaults, CommandContext ctx)
            throws UsageException {
        byte[] bytes;
        try {
            bytes = PrivateFiles.readSmall(file);
        } catch (IOException e) {
            throw new UsageException(ctx.msg("ctrl.serversUnreadable", typed, String.valueOf(e.getMessage())));
        }
        if (bytes == null) {
            throw new UsageException(ctx.msg("ctrl.serversUnreadable", typed, "no such file"));
        }
        Options allowed = new Options();
        perServer(allowed, ctx.locale());
        Path base = file.toAbsolutePath().getParent();
        List<Spec> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = typed + ":" + (i + 1) + ": ";
            String[] tokens = line.split("\\s+");
            CtrlUrl url = url(tokens[0], ctx, where);
            CommandLine own;
            try {
                own = DefaultParser.builder().get().parse(allowed, Arrays.copyOfRange(tokens, 1, tokens.length));
            } catch (ParseException e) {
                throw new UsageException(where + e.getMessage());
            }
            if (!own.getArgList().isEmpty()) {
                throw new UsageException(
                        where + ctx.msg("ctrl.serversExtra", own.getArgList().get(0)));
            }
            out.add(spec(url, own, defaults, ctx, base));
        }
        return out;
    }

    private static int number(CommandLine cl, CommandContext ctx, String option, int fallback, int min, int max)
            throws UsageException {
        String v = cl.getOptionValue(option);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(ctx.msg("cli.badValue", "--" + option, v, min + ".." + max));
    }

    @SuppressWarnings("SystemConsoleNull") // Java 17: console() is null exactly when no terminal is attached
    private static Optional<CtrlPassword.Prompt> consolePrompt(CommandContext ctx) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(server -> console.readPassword("%s", ctx.msg("ctrl.prompt", server)));
    }

    /**
     * Finds the MailRoots under the local paths and copies the remote servers.
     *
     * @param ctx   the context
     * @param quiet whether to print only warnings about the copies
     * @return the local MailRoots and the copies (a failed server's folder included, in input order after the local
     *         ones), and what could not be searched locally
     * @throws InputException when a local input is missing or holds no MailRoot
     * @throws IOException    when the snapshot folder cannot be made
     */
    MailRoots.Discovery discover(CommandContext ctx, boolean quiet) throws InputException, IOException {
        MailRoots.Discovery found = MailRoots.discover(local);
        List<Path> servers = new ArrayList<>(found.servers());
        collect(ctx, quiet).forEach(c -> servers.add(c.directory()));
        return new MailRoots.Discovery(servers, found.skipped());
    }

    /** @return the local paths given */
    List<Path> local() {
        return local;
    }

    /** @return the remote servers given */
    List<Spec> remote() {
        return remote;
    }

    /**
     * Copies every remote server, in parallel, and says on stderr what was copied (unless quiet): files, size,
     * transport and time per server, a certificate trusted on first use, what could not be copied exactly.
     *
     * @param ctx   the context
     * @param quiet whether to print only warnings
     * @return one entry per remote server, in the order given
     * @throws IOException when the snapshot folder cannot be made
     */
    List<Collected> collect(CommandContext ctx, boolean quiet) throws IOException {
        if (remote.isEmpty()) {
            return List.of();
        }
        base = snapshotDir.isPresent() ? snapshotDir.get() : PrivateFiles.newTemporaryDirectory("xmailkit-ctrl-");
        temporary = snapshotDir.isEmpty();
        if (snapshotDir.isPresent()) {
            PrivateFiles.newPrivateDirectory(base);
        } else {
            Path doomed = base;
            cleanup = new Thread(
                    () -> {
                        try {
                            PrivateFiles.deleteTree(doomed);
                        } catch (IOException e) {
                            // The process is ending; the folder is private to its owner.
                        }
                    },
                    "xmailkit-ctrl-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        Map<Spec, Path> folders = folders();
        for (Spec s : remote) {
            passwords.computeIfAbsent(s, this::password);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, remote.size()), r -> {
            Thread t = new Thread(r, "xmailkit-ctrl-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Collected> out = new ArrayList<>();
        try {
            List<Future<Collected>> futures = new ArrayList<>();
            for (Spec s : remote) {
                futures.add(pool.submit(() -> copy(s, folders.get(s))));
            }
            for (Future<Collected> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (Collected c : out) {
            registrations.add(Origins.register(
                    c.directory(),
                    new Origins.Origin(
                            c.spec().url().toString(), c.spec().settings().transport(), c.failure())));
        }
        report(out, ctx, quiet);
        return out;
    }

    /** A folder name per server: {@code HOST_PORT}, with the user when two servers share host and port. */
    private Map<Spec, Path> folders() {
        Map<Spec, Path> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Spec s : remote) {
            String plain = (s.url().host() + "_" + s.url().port()).replaceAll("[^A-Za-z0-9._-]", "_");
            String name = plain;
            if (!taken.add(name)) {
                String withUser = plain + "_" + s.url().user().replaceAll("[^A-Za-z0-9._-]", "_");
                name = withUser;
                for (int i = 2; !taken.add(name); i++) {
                    name = withUser + "-" + i;
                }
            }
            out.put(s, base.resolve(name));
        }
        return out;
    }

    /** The password of a server; a server without one fails on its own when copied. */
    private byte[] password(Spec s) {
        try {
            Optional<CtrlPassword.Prompt> ask = prompt.map(p -> server -> {
                synchronized (this) {
                    return p.ask(server);
                }
            });
            return CtrlPassword.find(s.url().toString(), s.passwordFile(), environment, ask);
        } catch (CtrlException e) {
            return null;
        }
    }

    private Collected copy(Spec s, Path dir) {
        long start = System.nanoTime();
        String server = s.url().toString();
        byte[] pw = passwords.get(s);
        try {
            if (pw == null) {
                // Found again to report why (no password, or the file is not private).
                CtrlPassword.find(server, s.passwordFile(), environment, Optional.empty());
            }
            try (CtrlSession session = CtrlSession.open(s.url(), s.settings(), pw)) {
                RemoteMailRoot.Snapshot snap = RemoteMailRoot.copy(session, dir);
                return new Collected(
                        s, dir, Optional.of(snap), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (CtrlException e) {
            return new Collected(s, dir, Optional.empty(), Optional.of(e), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            CtrlException c = new CtrlException(server, CtrlException.Kind.COPY, e, String.valueOf(e.getMessage()));
            return new Collected(s, dir, Optional.empty(), Optional.of(c), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static void report(List<Collected> all, CommandContext ctx, boolean quiet) {
        PrintStream err = ctx.errors();
        for (Collected c : all) {
            if (c.snapshot().isEmpty()) {
                continue; // the command reports it as a server that could not be read
            }
            RemoteMailRoot.Snapshot s = c.snapshot().get();
            String server = s.server();
            if (!quiet) {
                long bytes =
                        s.files().values().stream().mapToLong(Long::longValue).sum();
                err.println(server + ": "
                        + ctx.msg(
                                "ctrl.copied",
                                s.files().size(),
                                (bytes + 1023) / 1024,
                                ctx.msg("ctrl.transport." + s.transport().name()),
                                String.format(Locale.ROOT, "%.2f", c.took().toNanos() / 1e9)));
            }
            if (s.firstUse() && c.spec().settings().trust() instanceof CtrlTrust.KnownHosts k) {
                err.println(server + ": "
                        + ctx.msg("ctrl.firstUse", fingerprint(s.fingerprint().orElse("")), k.file()));
            }
            if (s.transport() == CtrlTransport.CLEARTEXT) {
                err.println(server + ": " + ctx.msg("ctrl.cleartext"));
            }
            for (RemoteMailRoot.Note n : s.notes()) {
                err.println(server + "/" + n.name() + ": " + n.message(ctx.locale()));
            }
        }
        err.flush();
    }

    private static String fingerprint(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < hex.length(); i += 2) {
            b.append(b.length() == 0 ? "" : ":").append(hex.substring(i, i + 2).toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }

    /**
     * @param spec a remote server
     * @return a writer that changes its files over new sessions (for migrate --write and --rollback); closed with
     *         these inputs
     */
    CtrlRemote writer(Spec spec) {
        byte[] pw = passwords.get(spec);
        CtrlRemote w = new CtrlRemote(spec.url().toString(), () -> {
            if (pw == null) {
                throw new CtrlException(spec.url().toString(), CtrlException.Kind.NO_PASSWORD);
            }
            return CtrlSession.open(spec.url(), spec.settings(), pw);
        });
        writers.add(w);
        return w;
    }

    /** Closes the writers' sessions, forgets the copies, deletes temporary ones and clears the passwords. */
    @Override
    public void close() {
        writers.forEach(CtrlRemote::close);
        registrations.forEach(Origins.Registration::close);
        passwords.values().stream().filter(p -> p != null).forEach(p -> Arrays.fill(p, (byte) 0));
        passwords.clear();
        if (temporary && base != null) {
            try {
                PrivateFiles.deleteTree(base);
            } catch (IOException e) {
                // Left behind: a private folder in the temporary directory.
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // Already shutting down.
            }
        }
    }
}
