package org.xmailkit.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real XMail server for end-to-end tests, built from its source tree ({@link XMailImage}): one container per
 * test class, in which any number of XMail processes run, each on its own copy of a MailRoot with every service
 * bound to 127.0.0.1.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealXMail XMAIL = RealXMail.of("1.27");           // or "1.26"
 *
 * try (RealXMail.Server xmail = XMAIL.start(mailRoot)) {         // a copy; returns once XMail has started
 *     LineClient smtp = LineClient.connect(xmail.port(Service.SMTP));
 *     xmail.serverTab(bytes);                                     // XMail reads server.tab again per session
 * }                                                               // stops XMail
 * XMAIL.on(mailRoot).extra("-Cl", "-Sl").start();                 // options after the fixture's
 * RealXMail.Server s = XMAIL.on(mailRoot)                         // the test's own service options
 *         .custom("-SI", "127.0.0.1:" + RealXMail.freePort(), "-P-", "-C-", "-X-", "-B-", "-W-", "-F-", "-Y-")
 *         .spawn();                                               // returns at once: s.awaitStarted, s.awaitExit
 * }</pre>
 *
 * <p><b>Fixture</b> ({@code RealXMail}): {@link #of} a release; as a class extension ({@code @RegisterExtension} on a
 * static field) it skips each test, saying how to get what is missing, when the source tree or Docker is missing
 * (fails it under {@code CI=true}), starts the container before the first test and removes it, with every server
 * still running, after the last
 * ({@link #open} and {@link #close} without the extension). {@link #start} and {@link #on} a MailRoot;
 * {@link #shippedMailRoot} copies the MailRoot the release ships; {@link #exec} runs a program in the container
 * (such as /opt/xmail/bin/XMCrypt or CtrlClnt); {@link #freePort} and {@link #answers} for command-line tests.
 *
 * <p><b>Launch</b> ({@link Launch}): {@link Launch#extra} appends options; {@link Launch#custom} replaces the
 * fixture's service options; {@link Launch#name} names the run folder; {@link Launch#withoutRuntimeFolders} leaves
 * out the folders XMail needs; {@link Launch#start} waits until XMail has started (fails with its output if it
 * exits), {@link Launch#spawn} does not wait.
 *
 * <p><b>Server</b> ({@link Server}): {@link Server#port} and {@link Server#ports} per {@link Service};
 * {@link Server#mailRoot} (the copy), {@link Server#logs} (its log folder), {@link Server#serverTab} (replace
 * server.tab), {@link Server#stdout} (XMail's -Md output), {@link Server#commandLine}, {@link Server#running},
 * {@link Server#exitCode}, {@link Server#awaitStarted}, {@link Server#awaitExit}, {@link Server#stop} (SIGINT,
 * XMail's own shutdown), {@link Server#kill}.
 *
 * <p><b>What a launch does.</b> The MailRoot is copied (regular files and folders; symbolic links, special files and
 * XMail's state — spool, logs, indexes, DNS cache, locks — left out) to
 * {@code target/it/xmail/CLASS-VERSION/N-NAME/mailroot}, the runtime folders XMail needs are created, and
 * {@code /opt/xmail/bin/XMail -Ms COPY -Md -Mx 2 -MD 1} (small spool and DNS cache trees) runs in the container as
 * this process's user, followed by the service options: by default {@code -SI -PI -CI -XI -BI -WI -FI
 * 127.0.0.1:FREEPORT} (SMTP, POP3, CTRL, SMTPS, POP3S, CTRLS, FINGER) and {@code -Y-} (no POP3 synchronisation), then
 * the extra options. -Md prints XMail's progress: XMail 1.27 says "server started" once every listener is bound, 1.26
 * only each service's "[... Server] started".
 *
 * <p><b>Nothing leaves the machine.</b> Every command line is checked before it runs ({@link XMailCommandLine}): a
 * listening service must be off or bound to 127.x.x.x addresses only, and {@code -Y-} must be there. The
 * container's /etc/resolv.conf names 127.0.0.1 (where no DNS server answers) and its /etc/hosts maps only localhost,
 * so XMail's name lookups (DNSBL, reverse DNS, the root servers named in dnsroots) fail at once on this machine;
 * address literals outside 127.0.0.0/8 in {@code SmartDNSHost} (outside a comment) and in {@code dnsroots}, where
 * XMail would send DNS queries itself, become 127.0.0.1 in the copy and in {@link Server#serverTab} (see
 * {@link #localDns}; read the copy to see what XMail runs on). The spool starts empty, so nothing is delivered.
 * Tests connect to 127.0.0.1 only and never send DATA.
 */
final class RealXMail implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    /** The services that listen, with their option letters, value-taking options and standard ports. */
    enum Service {
        SMTP('S', "ptIXre", 25, "ESMTP"),
        POP3('P', "ptwIX", 110, "POP3"),
        CTRL('C', "ptIX", 6017, "CTRL"),
        SMTPS('X', "pI", 465, "ESMTPS"),
        POP3S('B', "pI", 995, "POP3S"),
        CTRLS('W', "pI", 6018, "CTRLS"),
        FINGER('F', "pI", 79, "FINGER");

        private final char letter;
        private final String valued;
        private final int standardPort;
        private final String threadName;

        Service(char letter, String valued, int standardPort, String threadName) {
            this.letter = letter;
            this.valued = valued;
            this.standardPort = standardPort;
            this.threadName = threadName;
        }

        /** @return how XMail names the service in its output, as in {@code [XMail 1.27 ESMTP Server] started} */
        String threadName() {
            return threadName;
        }

        /** @return the option letter, as in {@code -SI} */
        char letter() {
            return letter;
        }

        /** @return the option letters after it that take a value ({@code -Sp 25}) */
        String valued() {
            return valued;
        }

        /** @return the port XMail uses when none is given */
        int standardPort() {
            return standardPort;
        }

        /** @return the services that speak TLS from the first byte */
        static Set<Service> tlsOnConnect() {
            return Set.of(SMTPS, POP3S, CTRLS);
        }
    }

    /** Where the class's folder (target/it/xmail/CLASS-VERSION) appears in the container. */
    private static final String RUNS = "/runs";

    /** The folders XMail 1.26 and 1.27 need in a MailRoot before they start ("Unable to create file" otherwise). */
    static final List<String> RUNTIME_FOLDERS = List.of(
            "spool/temp",
            "spool/local",
            "logs",
            "pop3locks",
            "dnscache/mx",
            "dnscache/ns",
            "custdomains",
            "filters",
            "tabindex",
            "msgsync",
            "userauth/pop3",
            "userauth/smtp",
            "domains",
            "cmdaliases");

    /** XMail's state, not configuration: never copied with a MailRoot. */
    private static final Set<String> STATE = Set.of("spool", "logs", "tabindex", "dnscache", "pop3locks", "msgsync");

    /** How long XMail may take to start or to stop. */
    private static final Duration START = Duration.ofSeconds(30);

    private static final Duration STOP = Duration.ofSeconds(20);

    /** An IPv4 or bracketed IPv6 literal. */
    private static final Pattern ADDRESS = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]*]");

    private final String version;
    private String name;
    private GenericContainer<?> container;
    private Path runs;
    private String user;
    private int serial;

    private RealXMail(String version) {
        this.version = version;
    }

    /**
     * @param version an XMail release whose source tree the build can find: "1.27" ({@code -Dxmail.source}) or
     *                "1.26" ({@code -Dxmail.source.1.26}), by default under ../shared next to the repository
     * @return the fixture, not yet open
     */
    static RealXMail of(String version) {
        return new RealXMail(version);
    }

    /** @return the XMail release, such as "1.27" */
    String version() {
        return version;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        name = context.getRequiredTestClass().getSimpleName();
    }

    /** Per test, so that a missing prerequisite shows as each test skipped with the reason (or failed in CI). */
    @Override
    public void beforeEach(ExtensionContext context) {
        open(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Makes sure the prerequisites are there (skipping or, with CI=true, failing the test otherwise), builds the
     * image if needed and starts the container.
     *
     * @param name a folder name under target/it/xmail for this fixture's servers, unique per test class
     * @return this fixture
     */
    synchronized RealXMail open(String name) {
        if (container != null) {
            return this;
        }
        String missing = XMailImage.missing(version);
        Prerequisites.require(missing.isEmpty(), missing);
        Prerequisites.require(
                DockerImages.dockerAvailable(), "no Docker engine answers (bin/test starts one; or start Docker)");
        String image = XMailImage.name(version);
        runs = Fleets.fresh("xmail/" + name + "-" + version);
        user = Fleets.owner(runs);
        try {
            // No DNS server answers on 127.0.0.1: every name lookup fails at once, on this machine.
            Files.writeString(runs.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
            Files.writeString(runs.resolve("hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
        // Plain Docker binds: Testcontainers' own file binds would first try to pull an image to test them.
        List<Bind> binds = List.of(
                new Bind(runs.toString(), new Volume(RUNS), AccessMode.rw),
                new Bind(runs.resolve("resolv.conf").toString(), new Volume("/etc/resolv.conf"), AccessMode.ro),
                new Bind(runs.resolve("hosts").toString(), new Volume("/etc/hosts"), AccessMode.ro));
        c.withNetworkMode("host").withCommand("sleep", "infinity").withCreateContainerCmdModifier(cmd -> {
            cmd.withUser(user).withWorkingDir(RUNS);
            cmd.getHostConfig().withBinds(binds);
        });
        c.start();
        container = c;
        return this;
    }

    /** Stops every server still running and removes the container. */
    @Override
    public synchronized void close() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    /**
     * @param mailRoot a MailRoot folder on this machine (not changed)
     * @return a server on a copy of it with the default command line, started (see {@link Launch#start})
     */
    Server start(Path mailRoot) {
        return on(mailRoot).start();
    }

    /**
     * @param mailRoot a MailRoot folder on this machine (not changed)
     * @return how to start a server on a copy of it
     */
    Launch on(Path mailRoot) {
        return new Launch(mailRoot);
    }

    /**
     * Runs a program in the container (as this process's user, working directory the class's folder), for instance
     * {@code /opt/xmail/bin/XMCrypt} or {@code /opt/xmail/bin/CtrlClnt} against a server's CTRL port.
     *
     * @param command the program and its arguments
     * @return its exit code and output
     */
    ExecResult exec(String... command) {
        try {
            return container().execInContainer(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param name a folder name under the class's folder
     * @return a copy of the MailRoot the XMail release ships (its sample account, ctrl maps and server.tab)
     */
    Path shippedMailRoot(String name) {
        ExecResult r = exec("cp", "-R", "/opt/xmail/MailRoot", RUNS + "/" + name);
        Path to = runs.resolve(name);
        if (r.getExitCode() != 0 || !Files.isDirectory(to)) {
            throw new IllegalStateException("cannot copy the shipped MailRoot: " + r.getStderr());
        }
        return to;
    }

    /** Ports handed out in this run: the kernel may offer a port again once its probe socket is closed. */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /**
     * @return a TCP port on 127.0.0.1 that nothing listened on a moment ago and that this run has not handed out
     *         before (two services of one command line given one port stop XMail)
     */
    static synchronized int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 not handed out before, after 1000 attempts");
    }

    /**
     * @param port a port on 127.0.0.1
     * @return whether something accepts a TCP connection there within 2 s
     */
    static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized GenericContainer<?> container() {
        if (container == null) {
            throw new IllegalStateException("RealXMail is not open: register it with @RegisterExtension or call open");
        }
        return container;
    }

    private synchronized Path newRunFolder(String name) {
        container();
        return runs.resolve(++serial + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** How to start one XMail process; {@link #start} or {@link #spawn} it. */
    final class Launch {

        private final Path mailRoot;
        private final List<String> extra = new ArrayList<>();
        private List<String> custom;
        private String name;
        private boolean runtimeFolders = true;

        private Launch(Path mailRoot) {
            this.mailRoot = mailRoot;
            this.name = mailRoot.getFileName() == null
                    ? "mailroot"
                    : mailRoot.getFileName().toString();
        }

        /**
         * @param args options appended to the command line (after the fixture's or the {@link #custom} ones)
         * @return this launch
         */
        Launch extra(String... args) {
            extra.addAll(Arrays.asList(args));
            return this;
        }

        /**
         * @param args the service options instead of the fixture's: the fixture adds only
         *             {@code -Ms COPY -Md -Mx 2 -MD 1} before them; every listening service must be off or bound to
         *             127.x.x.x, and {@code -Y-} must be there (pick ports with {@link RealXMail#freePort})
         * @return this launch
         */
        Launch custom(String... args) {
            custom = List.of(args);
            return this;
        }

        /**
         * @param name the run folder's name (default: the MailRoot folder's name)
         * @return this launch
         */
        Launch name(String name) {
            this.name = name;
            return this;
        }

        /** @return this launch, without the runtime folders XMail needs (it then exits: "Unable to create file") */
        Launch withoutRuntimeFolders() {
            runtimeFolders = false;
            return this;
        }

        /**
         * Starts XMail and waits until it says it has started (every listener bound) or exits. When the fixture
         * chose the ports and one was taken meanwhile, it tries once more with others.
         *
         * @return the running server
         * @throws IllegalStateException when XMail exited instead (its output in the message)
         */
        Server start() {
            for (int attempt = 1; ; attempt++) {
                Server s = spawn();
                if (s.awaitStarted(START)) {
                    return s;
                }
                s.stop();
                boolean retry = custom == null && attempt == 1 && s.stdout().contains("Socket bind error");
                if (!retry) {
                    throw new IllegalStateException("XMail " + version + " did not start (exit " + s.exitCode()
                            + "), command line " + s.commandLine() + ":\n" + s.stdout());
                }
            }
        }

        /** @return the server, just launched: it may still be starting, or exit (for start-up option tests) */
        Server spawn() {
            Path dir = newRunFolder(name);
            Path copy = dir.resolve("mailroot");
            copyMailRoot(mailRoot, copy, runtimeFolders);
            // -Mx 2 and -MD 1: a spool split 2 by 2 and one DNS cache folder instead of 23 by 23 and 101 (some 4,900
            // folders made at every start and removed with the run); no test looks into them.
            List<String> args =
                    new ArrayList<>(List.of("-Ms", RUNS + "/" + runs.relativize(copy), "-Md", "-Mx", "2", "-MD", "1"));
            if (custom == null) {
                for (Service s : Service.values()) {
                    args.add("-" + s.letter() + "I");
                    args.add("127.0.0.1:" + freePort());
                }
                args.add("-Y-");
            } else {
                args.addAll(custom);
            }
            args.addAll(extra);
            XMailCommandLine listening = XMailCommandLine.of(args);
            return new Server(dir, copy, List.copyOf(args), listening.ports());
        }
    }

    /** One XMail process on its copy of a MailRoot. Closing it stops XMail. */
    final class Server implements AutoCloseable {

        private final Path dir;
        private final Path mailRoot;
        private final List<String> commandLine;
        private final Map<Service, List<Integer>> ports;
        private final String execId;
        private Integer exit;

        private Server(Path dir, Path mailRoot, List<String> commandLine, Map<Service, List<Integer>> ports) {
            this.dir = dir;
            this.mailRoot = mailRoot;
            this.commandLine = commandLine;
            this.ports = ports;
            String inside = RUNS + "/" + runs.relativize(dir);
            // The shell writes its pid and becomes XMail; stdbuf makes XMail's printf output reach the file per line.
            List<String> cmd = new ArrayList<>(List.of(
                    "sh",
                    "-c",
                    "echo $$ > \"$0/pid\"; exec stdbuf -oL -eL /opt/xmail/bin/XMail \"$@\" > \"$0/stdout\" 2>&1",
                    inside));
            cmd.addAll(commandLine);
            DockerClient docker = container().getDockerClient();
            execId = docker.execCreateCmd(container().getContainerId())
                    .withCmd(cmd.toArray(String[]::new))
                    .withUser(user)
                    .withEnv(List.of("XMAIL_PID_DIR=" + inside))
                    .exec()
                    .getId();
            docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<>());
        }

        /** @return the XMail release */
        String version() {
            return version;
        }

        /**
         * @param service a listening service
         * @return the (first) port it listens on at 127.0.0.1
         * @throws IllegalStateException when the command line turned it off
         */
        int port(Service service) {
            List<Integer> p = ports.get(service);
            if (p == null) {
                throw new IllegalStateException(service + " is off on this command line: " + commandLine);
            }
            return p.get(0);
        }

        /** @return the listening services that are on, with their ports */
        Map<Service, List<Integer>> ports() {
            return ports;
        }

        /**
         * @param service a listening service that is on
         * @return where to connect to it
         */
        InetSocketAddress address(Service service) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), port(service));
        }

        /** @return the copy of the MailRoot XMail runs on (XMail reads server.tab again for every session) */
        Path mailRoot() {
            return mailRoot;
        }

        /** @return XMail's log folder in the copy (written with -Sl, -Pl, -Cl and the like) */
        Path logs() {
            return mailRoot.resolve("logs");
        }

        /** @return the full command line, after the program name */
        List<String> commandLine() {
            return commandLine;
        }

        /**
         * Replaces server.tab in the copy; XMail uses it from the next session on.
         *
         * @param bytes the new file
         */
        void serverTab(byte[] bytes) {
            try {
                Path tmp = Files.createTempFile(mailRoot, "server.tab.", ".new");
                Files.write(tmp, localDns(bytes, false));
                Files.move(
                        tmp,
                        mailRoot.resolve("server.tab"),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return everything XMail printed so far (its -Md debug output and errors), UTF-8 with replacements */
        String stdout() {
            try {
                Path out = dir.resolve("stdout");
                return Files.exists(out) ? new String(Files.readAllBytes(out), StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return whether the XMail process still runs */
        boolean running() {
            return exitCode().isEmpty();
        }

        /** @return XMail's exit code, once it has exited */
        synchronized OptionalInt exitCode() {
            if (exit == null) {
                InspectExecResponse r =
                        container().getDockerClient().inspectExecCmd(execId).exec();
                if (Boolean.TRUE.equals(r.isRunning()) || r.getExitCodeLong() == null) {
                    return OptionalInt.empty();
                }
                exit = r.getExitCodeLong().intValue();
            }
            return OptionalInt.of(exit);
        }

        /**
         * @param timeout how long to wait at most
         * @return whether XMail said it has started (every listener bound) before exiting or the time ran out
         */
        boolean awaitStarted(Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                if (started()) {
                    return true;
                }
                // Asking the engine costs more than reading the file: every fourth round only.
                if (i % 4 == 3 && !running()) {
                    return started();
                }
                sleep(50);
            }
            return started();
        }

        /**
         * 1.27 says "XMail 1.27 server started" once every listener is bound; 1.26 does not, but each service's
         * thread says "[XMail 1.26 ESMTP Server] started" after its sockets are bound (MailSvr.cpp of each).
         */
        private boolean started() {
            String out = stdout();
            if (out.contains(" server started\n")) {
                return true;
            }
            return !ports.isEmpty()
                    && ports.keySet().stream().allMatch(s -> out.contains(" " + s.threadName() + " Server] started\n"));
        }

        /**
         * @param timeout how long to wait at most
         * @return the exit code, when XMail exited in time
         */
        OptionalInt awaitExit(Duration timeout) {
            long end = System.nanoTime() + timeout.toNanos();
            while (running() && System.nanoTime() < end) {
                sleep(50);
            }
            return exitCode();
        }

        /** Stops XMail (SIGINT, its shutdown signal; SIGKILL if it has not exited in 20 s). Idempotent. */
        void stop() {
            if (!running()) {
                return;
            }
            signal("INT");
            if (awaitExit(STOP).isEmpty()) {
                signal("KILL");
                awaitExit(Duration.ofSeconds(5));
            }
        }

        /** Ends XMail at once (SIGKILL), for tests that no longer need it and not its shutdown. Idempotent. */
        void kill() {
            if (running()) {
                signal("KILL");
                awaitExit(Duration.ofSeconds(5));
            }
        }

        @Override
        public void close() {
            stop();
        }

        private void signal(String signal) {
            String pid = RUNS + "/" + runs.relativize(dir) + "/pid";
            exec("sh", "-c", "test -s \"$1\" && kill -" + signal + " \"$(cat \"$1\")\"", "sh", pid);
        }

        @Override
        public String toString() {
            return "XMail " + version + " on " + mailRoot + " " + ports;
        }
    }

    /**
     * Copies a MailRoot (regular files and folders only; XMail's state folders left out), creates the runtime
     * folders and keeps XMail's own DNS queries on this machine ({@link #localDns}).
     */
    private static void copyMailRoot(Path from, Path to, boolean runtimeFolders) {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a MailRoot folder: " + from);
        }
        try {
            Files.createDirectories(to);
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    Path rel = from.relativize(d);
                    if (rel.getNameCount() == 1 && STATE.contains(rel.toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(rel.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(f, to.resolve(from.relativize(f).toString()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (String folder : runtimeFolders ? RUNTIME_FOLDERS : List.<String>of()) {
                Files.createDirectories(to.resolve(folder));
            }
            for (String file : List.of("server.tab", "dnsroots")) {
                Path f = to.resolve(file);
                if (Files.isRegularFile(f)) {
                    byte[] bytes = Files.readAllBytes(f);
                    byte[] local = localDns(bytes, file.equals("dnsroots"));
                    if (!Arrays.equals(bytes, local)) {
                        Files.write(f, local);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points every DNS server XMail would query itself at 127.0.0.1: the address literals outside 127.0.0.0/8 on
     * every line of dnsroots, and on each server.tab line that mentions SmartDNSHost and is no comment. The other
     * bytes stay as they are.
     *
     * @param bytes a file
     * @param roots whether it is dnsroots (else server.tab)
     * @return the file to give XMail
     */
    static byte[] localDns(byte[] bytes, boolean roots) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length());
        Matcher lines = Pattern.compile("[^\r\n]*(\r\n|\r|\n)?").matcher(text);
        while (lines.find() && lines.end() > lines.start()) {
            String line = lines.group();
            // XMail skips a line whose first byte is '#', unless it is longer than one read (2046 bytes).
            boolean comment = line.startsWith("#") && line.length() < 2046;
            if (roots || (!comment && line.toLowerCase(Locale.ROOT).contains("smartdnshost"))) {
                Matcher m = ADDRESS.matcher(line);
                StringBuilder b = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(b, m.group().startsWith("127.") ? m.group() : "127.0.0.1");
                }
                m.appendTail(b);
                line = b.toString();
            }
            out.append(line);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
