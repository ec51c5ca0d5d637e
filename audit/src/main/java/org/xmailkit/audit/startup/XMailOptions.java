package org.xmailkit.audit.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.xmailkit.audit.net.IpAddress;
import org.xmailkit.audit.startup.OptionIssue.Code;
import org.xmailkit.audit.startup.OptionIssue.Treatment;

/**
 * What XMail 1.27 makes of a command line: the effective switches, the listeners, and everything it ignores,
 * misreads or stops on. Each group of options is read the way MailSvr.cpp reads it: the set-up function of each
 * service (and {@code SvrSetup} for {@code -M}) walks the whole argument list on its own, takes an argument as its
 * option when it starts with a dash and the group letter, switches on the third character only, and takes the next
 * argument as the value of an option that has one, whatever that argument looks like. Nothing complains about an
 * option it does not know. Verified against a real XMail 1.27: unknown and misspelt options are ignored, a
 * non-numeric port reads as 0 (the system picks a free port), a port above 65535 wraps, an address in the wrong
 * family (an IPv6 address without {@code -M6}, an IPv4 one with it), 33 addresses for one service, or two listeners on
 * the same address and port stop the start, and {@code -Mr 0} with logging on kills the server at its first log line.
 */
public final class XMailOptions {

    /** The most addresses one service binds (SvrDefines.h MAX_ACCEPT_ADDRESSES). */
    public static final int MAX_ADDRESSES = 32;
    /** The longest host name XMail keeps from an address (SvrDefines.h MAX_HOST_NAME, less the NUL). */
    static final int MAX_HOST = 255;
    /** The longest path a "did you mean" joins from words (SYS_MAX_PATH: 256 on Unix, _MAX_PATH, 260, on Windows). */
    static final int MAX_PATH = 260;

    /** The options that turn a log on. */
    public static final List<Switch> LOG_SWITCHES =
            List.of(Switch.SL, Switch.PL, Switch.CL, Switch.QL, Switch.QG, Switch.LL, Switch.YL, Switch.FL);

    /** The address families {@code -M4}..{@code -M7} select for resolving {@code -xI} addresses. */
    public enum Family {
        /** {@code -M4} (default): IPv4 only. */
        V4,
        /** {@code -M6}: IPv6 only. */
        V6,
        /** {@code -M5}: IPv4, else IPv6. */
        V4_THEN_V6,
        /** {@code -M7}: IPv6, else IPv4. */
        V6_THEN_V4
    }

    /**
     * An option's effective value.
     *
     * @param option  the option
     * @param written the value as written ({@code ""} for an option without one)
     * @param value   the value XMail uses, as text
     * @param arg     the index of the option in {@link #args()}
     */
    public record Setting(Switch option, String written, String value, int arg) {}

    /**
     * One service: on or off, and where it listens.
     *
     * @param group     the service
     * @param enabled   whether it runs
     * @param listeners its sockets (none when off)
     * @param offArg    the index of the {@code -x-} that turned it off, or -1
     */
    public record Service(Group group, boolean enabled, List<Listener> listeners, int offArg) {
        public Service {
            listeners = List.copyOf(listeners);
        }
    }

    private final List<Arg> args;
    private final Platform platform;
    private final Map<Switch, Setting> settings;
    private final Map<Group, Service> services;
    private final List<OptionIssue> issues;
    private final Optional<OptionIssue> startFailure;
    private final Family family;

    private XMailOptions(Parser p) {
        this.args = List.copyOf(p.args);
        this.platform = p.platform;
        this.settings = Collections.unmodifiableMap(new EnumMap<>(p.settings));
        this.services = Collections.unmodifiableMap(new EnumMap<>(p.services));
        this.issues = List.copyOf(p.issues.values());
        this.startFailure = Optional.ofNullable(p.failure);
        this.family = p.family;
    }

    /**
     * @param args     the arguments XMail receives, in order (its own arguments, then MAIL_CMD_LINE's); not the
     *                 program name
     * @param platform the system, where behaviour differs
     * @return what XMail 1.27 makes of them
     */
    public static XMailOptions parse(List<Arg> args, Platform platform) {
        Objects.requireNonNull(platform, "platform");
        return new XMailOptions(new Parser(List.copyOf(args), platform).run());
    }

    /** @return the arguments, in order */
    public List<Arg> args() {
        return args;
    }

    /** @return the system assumed where behaviour differs */
    public Platform platform() {
        return platform;
    }

    /** @return the options in effect, in catalogue order */
    public Map<Switch, Setting> settings() {
        return settings;
    }

    /**
     * @param option an option
     * @return its effective value, when the command line sets it
     */
    public Optional<Setting> setting(Switch option) {
        return Optional.ofNullable(settings.get(option));
    }

    /**
     * @param option an option without value
     * @return whether it is given
     */
    public boolean has(Switch option) {
        return settings.containsKey(option);
    }

    /**
     * @param group a listening service
     * @return its state
     */
    public Service service(Group group) {
        Service s = services.get(group);
        if (s == null) {
            throw new IllegalArgumentException(group + " does not listen");
        }
        return s;
    }

    /**
     * @param group a service
     * @return whether it runs ({@code -x-} not given); the groups without {@code -x-} always run
     */
    public boolean enabled(Group group) {
        Service s = services.get(group);
        return s == null ? !has(offSwitch(group)) : s.enabled();
    }

    private static Switch offSwitch(Group g) {
        return Switch.of(g, '-').orElse(Switch.MD);
    }

    /** @return every socket the command line configures, in {@link Group#LISTENERS} order */
    public List<Listener> configured() {
        List<Listener> out = new ArrayList<>();
        for (Group g : Group.LISTENERS) {
            out.addAll(services.get(g).listeners());
        }
        return out;
    }

    /** @return the sockets that listen once XMail runs: none when it does not start */
    public List<Listener> listening() {
        return startFailure.isPresent() ? List.of() : configured();
    }

    /**
     * @param which the sockets wanted
     * @return those of them the command line configures (whether or not XMail then starts), each as
     *         {@code SERVICE address:port}
     */
    public List<String> describe(Predicate<Listener> which) {
        return configured().stream()
                .filter(which)
                .map(l -> l.service().label() + " " + l.display())
                .toList();
    }

    /** @return everything XMail ignores, misreads or stops on, in argument order */
    public List<OptionIssue> issues() {
        return issues;
    }

    /** @return the first problem that stops XMail from starting, if any */
    public Optional<OptionIssue> startFailure() {
        return startFailure;
    }

    /** @return the address family used to resolve {@code -xI} addresses */
    public Family family() {
        return family;
    }

    /**
     * @param group a service
     * @return whether its log is on ({@code -Sl}, {@code -Pl}, ...; SMTPS, POP3S and CTRLS share the plain service's)
     */
    public boolean logs(Group group) {
        return LOG_SWITCHES.stream().anyMatch(s -> s.group() == plain(group) && s.code() == 'l' && has(s));
    }

    /** @return the logs that are on */
    public List<Switch> logSwitches() {
        return LOG_SWITCHES.stream().filter(this::has).toList();
    }

    private static Group plain(Group g) {
        return switch (g) {
            case SMTPS -> Group.SMTP;
            case POP3S -> Group.POP3;
            case CTRLS -> Group.CTRL;
            default -> g;
        };
    }

    /** @return the MailRoot given with {@code -Ms}, if any */
    public Optional<String> mailRoot() {
        return setting(Switch.MS).map(Setting::value);
    }

    /** @return whether debug mode is on ({@code -Md}) */
    public boolean debug() {
        return has(Switch.MD);
    }

    // ------------------------------------------------------------------ reading

    /** Reads the arguments group by group, in SvrMain's order. */
    private static final class Parser {

        private final List<Arg> args;
        private final Platform platform;
        private final String[] text;
        private final Map<Switch, Setting> settings = new EnumMap<>(Switch.class);
        private final Map<Group, Service> services = new EnumMap<>(Group.class);
        /** Keyed by code and argument, so that an argument several groups trip over is reported once. */
        private final Map<String, OptionIssue> issues = new LinkedHashMap<>();

        private final boolean[] read;
        private final List<Listener> bound = new ArrayList<>();
        private OptionIssue failure;
        private Family family = Family.V4;

        Parser(List<Arg> args, Platform platform) {
            this.args = args;
            this.platform = platform;
            this.text = args.stream().map(Arg::text).toArray(String[]::new);
            this.read = new boolean[text.length];
        }

        Parser run() {
            for (Group g : Group.values()) {
                group(g);
            }
            strays();
            afterwards();
            return this;
        }

        private void issue(Code code, Treatment t, int arg, Object... values) {
            OptionIssue i = OptionIssue.of(code, t, arg, values);
            issues.putIfAbsent(code + "@" + arg + "@" + i.args().hashCode(), i);
        }

        private void fail(Code code, int arg, Object... values) {
            issue(code, Treatment.REFUSES_TO_START, arg, values);
            if (failure == null) {
                failure = OptionIssue.of(code, Treatment.REFUSES_TO_START, arg, values);
            }
        }

        /** One set-up function: its scan of every argument, then its sockets. */
        private void group(Group g) {
            int n = text.length;
            boolean off = false;
            int offArg = -1;
            boolean v6 = false;
            int port = g.defaultPort();
            int portArg = -1;
            List<Listener> addresses = new ArrayList<>();
            boolean failed = false;
            Set<Integer> ownOptions = new LinkedHashSet<>();
            scan:
            for (int i = 0; i < n; i++) {
                String t = text[i];
                if (t.length() < 2 || t.charAt(0) != '-' || t.charAt(1) != g.letter()) {
                    continue;
                }
                read[i] = true;
                if (t.length() == 2) {
                    issue(Code.INCOMPLETE_OPTION, Treatment.IGNORED, i, t);
                    continue;
                }
                Optional<Switch> found = Switch.of(g, t.charAt(2));
                if (found.isEmpty()) {
                    unknown(i, t);
                    continue;
                }
                Switch s = found.get();
                ownOptions.add(i);
                if (t.length() > 3) {
                    issue(Code.TRAILING_TEXT, Treatment.MISREAD, i, t, s.flag());
                }
                String value = "";
                int at = i;
                if (s.takesValue()) {
                    if (i + 1 >= n) {
                        issue(Code.MISSING_VALUE, Treatment.IGNORED, i, s.flag());
                        continue;
                    }
                    value = text[++i];
                    read[i] = true;
                    if (value.length() >= 2
                            && value.charAt(0) == '-'
                            && Group.byLetter(value.charAt(1)).isPresent()) {
                        issue(Code.VALUE_IS_OPTION, Treatment.MISREAD, at, s.flag(), value);
                    }
                }
                switch (s.kind()) {
                    case OFF -> {
                        off = true;
                        offArg = at;
                        put(s, "", "off", at);
                        if (g.disableEndsReading()) {
                            for (int j = i + 1; j < n; j++) {
                                boolean mine = text[j].length() >= 2
                                        && text[j].charAt(0) == '-'
                                        && text[j].charAt(1) == g.letter();
                                if (mine) {
                                    read[j] = true;
                                    issue(Code.AFTER_DISABLE, Treatment.IGNORED, j, text[j], s.flag());
                                }
                            }
                            break scan;
                        }
                    }
                    case V6 -> {
                        v6 = true;
                        put(s, "", "on", at);
                    }
                    case FLAG -> flag(s, at);
                    case PORT -> {
                        port = port(s, value, at);
                        portArg = at;
                    }
                    case NUMBER -> number(s, value, at);
                    case PATH -> path(s, value, at);
                    case BIND -> {
                        if (addresses.size() >= MAX_ADDRESSES) {
                            fail(Code.TOO_MANY_ADDRESSES, at, s.flag(), MAX_ADDRESSES, g.label());
                            failed = true;
                            break scan;
                        }
                        Listener l = address(g, value, at + 1);
                        if (l == null) {
                            failed = true;
                            break scan;
                        }
                        addresses.add(l);
                    }
                }
            }
            if (!g.listens()) {
                return;
            }
            if (off && ownOptions.size() > 1) {
                issue(Code.OPTIONS_OF_DISABLED, Treatment.IGNORED, offArg, g.label(), text[offArg]);
            }
            List<Listener> sockets = new ArrayList<>();
            if (!off && !failed) {
                int effective = port & 0xFFFF;
                if (addresses.isEmpty()) {
                    sockets.add(new Listener(
                            g, v6 ? Listener.Kind.ANY_V6 : Listener.Kind.ANY_V4, v6 ? "::" : "0.0.0.0", effective, -1));
                    if (effective == 0) {
                        issue(Code.ANY_PORT, Treatment.MISREAD, portArg, g.label());
                    }
                } else {
                    if (v6) {
                        settingArg(Switch.of(g, '6').orElseThrow())
                                .ifPresent(a -> issue(Code.V6_IGNORED, Treatment.IGNORED, a, text[a], g.label()));
                    }
                    for (Listener a : addresses) {
                        Listener l = a.port() == 0 ? new Listener(g, a.kind(), a.address(), effective, a.arg()) : a;
                        if (l.port() == 0) {
                            issue(Code.ANY_PORT, Treatment.MISREAD, a.arg() - 1, g.label());
                        }
                        sockets.add(l);
                    }
                }
                bind(sockets);
            }
            services.put(g, new Service(g, !off, sockets, offArg));
        }

        /** The sockets of one service are bound in order; a clash with an earlier one ends the start on Linux. */
        private void bind(List<Listener> sockets) {
            for (Listener l : sockets) {
                for (Listener earlier : bound) {
                    if (clash(earlier, l)) {
                        int arg = l.arg() >= 0 ? l.arg() - 1 : -1;
                        if (platform == Platform.UNIX) {
                            fail(
                                    Code.BIND_CONFLICT,
                                    arg,
                                    l.service().label(),
                                    l.display(),
                                    earlier.service().label(),
                                    earlier.display());
                        } else {
                            issue(
                                    Code.BIND_CONFLICT,
                                    Treatment.UNDEFINED,
                                    arg,
                                    l.service().label(),
                                    l.display(),
                                    earlier.service().label(),
                                    earlier.display());
                        }
                        break;
                    }
                }
                bound.add(l);
            }
        }

        /**
         * Linux refuses a second listening socket on a port when the addresses overlap, SO_REUSEADDR or not; there an
         * IPv6 wildcard socket also covers IPv4 (dual stack), which Windows does not do by default.
         */
        private boolean clash(Listener a, Listener b) {
            if (a.port() == 0 || b.port() == 0 || a.port() != b.port()) {
                return false;
            }
            if (a.kind() == Listener.Kind.NAME || b.kind() == Listener.Kind.NAME) {
                return a.kind() == b.kind() && a.address().equalsIgnoreCase(b.address());
            }
            boolean v6a = a.kind() == Listener.Kind.V6 || a.kind() == Listener.Kind.ANY_V6;
            boolean v6b = b.kind() == Listener.Kind.V6 || b.kind() == Listener.Kind.ANY_V6;
            if (v6a != v6b) {
                boolean dualStack = platform != Platform.WINDOWS;
                return dualStack && (a.kind() == Listener.Kind.ANY_V6 || b.kind() == Listener.Kind.ANY_V6);
            }
            return a.everyAddress() || b.everyAddress() || a.address().equals(b.address());
        }

        private Optional<Integer> settingArg(Switch s) {
            return Optional.ofNullable(settings.get(s)).map(Setting::arg);
        }

        private void put(Switch s, String written, String value, int arg) {
            Setting old = settings.get(s);
            if (old != null && s.takesValue() && !old.value().equals(value)) {
                issue(Code.REPEATED, Treatment.NOTE, arg, s.flag(), old.written(), written);
            }
            if (old == null || s.takesValue()) {
                settings.put(s, new Setting(s, written, value, arg));
            }
        }

        private void flag(Switch s, int arg) {
            put(s, "", "on", arg);
            switch (s) {
                case M4 -> family = Family.V4;
                case M6 -> family = Family.V6;
                case M5 -> family = Family.V4_THEN_V6;
                case M7 -> family = Family.V6_THEN_V4;
                default -> {}
            }
        }

        private int port(Switch s, String value, int arg) {
            long v = atoi(s, value, arg);
            int p = (int) v;
            if (p < 0 || p > 0xFFFF) {
                issue(Code.PORT_WRAPS, Treatment.MISREAD, arg, s.flag(), value, p & 0xFFFF);
            }
            put(s, value, Integer.toString(p & 0xFFFF), arg);
            return p;
        }

        private void number(Switch s, String value, int arg) {
            int v = (int) atoi(s, value, arg);
            String effective = Integer.toString(v);
            switch (s) {
                case QN -> effective = clamp(s, value, v, 1, 256, arg);
                case YT -> effective = clamp(s, value, v, 1, 32, arg);
                case LN -> effective = clamp(s, value, v, 1, 17, arg);
                case MR -> {
                    if (v <= 0) {
                        // Treatment decided once every log switch is known.
                        issue(Code.LOG_ROTATE_ZERO, Treatment.NOTE, arg, s.flag(), value);
                    }
                }
                case MX, M_DNSDIRS -> {
                    if (v <= 0) {
                        issue(Code.DIVISOR_ZERO, Treatment.CRASHES, arg, s.flag(), value);
                    } else {
                        effective = Integer.toString(nextPrime(v));
                    }
                }
                case M_RCVBUF, M_SNDBUF -> effective = v > 0 ? Long.toString((v + 1023L) / 1024 * 1024) : "";
                case PX, SX, CX -> {
                    if (v <= 0) {
                        issue(
                                Code.NO_THREADS,
                                Treatment.MISREAD,
                                arg,
                                s.flag(),
                                value,
                                s.group().label());
                    }
                }
                default -> {}
            }
            put(s, value, effective, arg);
        }

        private String clamp(Switch s, String value, int v, int min, int max, int arg) {
            int c = Math.min(max, Math.max(min, v));
            if (c != v) {
                issue(Code.CLAMPED, Treatment.MISREAD, arg, s.flag(), value, c);
            }
            return Integer.toString(c);
        }

        /** MailSvr.cpp rounds up with SysMacros.h IsPrimeNumber, which calls 1, 2 and 3 prime. */
        static int nextPrime(int v) {
            int n = v;
            while (!isPrime(n)) {
                n++;
            }
            return n;
        }

        private static boolean isPrime(long n) {
            if (n > 3) {
                if ((n & 1) == 0) {
                    return false;
                }
                for (long i = 3, half = n / 2; i < half; i += 2) {
                    if (n % i == 0) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void path(Switch s, String value, int arg) {
            String v = value;
            // DelFinalSlash removes one trailing separator of the running system.
            boolean slash = platform == Platform.WINDOWS
                    ? v.endsWith("\\")
                    : platform == Platform.UNIX ? v.endsWith("/") : v.endsWith("/") || v.endsWith("\\");
            if (slash) {
                v = v.substring(0, v.length() - 1);
            }
            if (v.isEmpty()) {
                fail(Code.MAIL_ROOT_EMPTY, arg, s.flag());
            }
            put(s, value, v, arg);
        }

        /**
         * C's atoi: blanks, a sign, then digits; anything else ends the number, and no digit at all reads 0. A value
         * beyond {@code int} is undefined in C: glibc gives the low 32 bits of the saturated long, Windows saturates
         * at the int range.
         */
        private long atoi(Switch s, String value, int arg) {
            int i = 0;
            int n = value.length();
            while (i < n && " \t\n\u000B\f\r".indexOf(value.charAt(i)) >= 0) {
                i++;
            }
            boolean negative = false;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                negative = value.charAt(i) == '-';
                i++;
            }
            int start = i;
            long v = 0;
            boolean overflow = false;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                if (v > (Long.MAX_VALUE - 9) / 10) {
                    overflow = true;
                } else {
                    v = v * 10 + (value.charAt(i) - '0');
                }
                i++;
            }
            if (negative) {
                v = -v;
            }
            if (i == start) {
                issue(Code.NOT_A_NUMBER, Treatment.MISREAD, arg, s.flag(), value, 0);
                return 0;
            }
            if (i < n) {
                issue(Code.NOT_A_NUMBER, Treatment.MISREAD, arg, s.flag(), value, v);
            }
            if (overflow || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                issue(Code.NUMBER_OUT_OF_RANGE, Treatment.UNDEFINED, arg, s.flag(), value);
                if (platform == Platform.WINDOWS) {
                    return negative ? Integer.MIN_VALUE : Integer.MAX_VALUE;
                }
                long saturated = overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : v;
                return (int) saturated;
            }
            return v;
        }

        /**
         * An {@code ip[:port]} value as MiscUtils.cpp MscSplitAddressPort and SysDepCommon.cpp SysGetHostByName
         * read it: the port follows the last {@code |}, else the last {@code :}, else the last {@code ;} (after the
         * {@code ]} of a bracketed address); a port of 0 or none means the service's port. The address is resolved
         * with getaddrinfo and must have the family {@code -M4}..{@code -M7} select.
         *
         * @return the socket (port 0 when the service's port applies), or null when XMail stops here
         */
        private Listener address(Group g, String spec, int arg) {
            String host;
            String rest;
            if (spec.startsWith("[")) {
                int end = spec.indexOf(']');
                if (end < 0) {
                    fail(Code.BAD_ADDRESS, arg - 1, spec, g.label());
                    return null;
                }
                host = spec.substring(1, end);
                rest = spec.substring(end + 1);
            } else {
                int sep = separator(spec);
                host = sep < 0 ? spec : spec.substring(0, sep);
                rest = sep < 0 ? "" : spec.substring(sep);
            }
            int sep = separator(rest);
            int port = 0;
            if (sep >= 0) {
                String p = rest.substring(sep + 1);
                port = (int) atoiQuiet(p) & 0xFFFF;
            }
            if (host.length() > MAX_HOST) {
                host = host.substring(0, MAX_HOST);
            }
            if (host.isEmpty()) {
                fail(Code.BAD_ADDRESS, arg - 1, spec, g.label());
                return null;
            }
            Optional<IpAddress> literal = IpAddress.parse(host);
            if (literal.isPresent()) {
                IpAddress a = literal.get();
                boolean v4 = a.isV4();
                boolean allowed =
                        switch (family) {
                            case V4 -> v4;
                            case V6 -> !v4;
                            default -> true;
                        };
                if (!allowed) {
                    fail(
                            Code.FAMILY_MISMATCH,
                            arg - 1,
                            spec,
                            g.label(),
                            v4 ? "IPv4" : "IPv6",
                            family == Family.V4 ? "-M4" : "-M6");
                    return null;
                }
                String shown = a.toString();
                boolean any = v4 ? shown.equals("0.0.0.0") : shown.equals("::");
                Listener.Kind kind = v4
                        ? (any ? Listener.Kind.ANY_V4 : Listener.Kind.V4)
                        : (any ? Listener.Kind.ANY_V6 : Listener.Kind.V6);
                return new Listener(g, kind, shown, port, arg);
            }
            if (host.indexOf(':') >= 0 || host.indexOf('[') >= 0 || host.indexOf(']') >= 0) {
                fail(Code.BAD_ADDRESS, arg - 1, spec, g.label());
                return null;
            }
            if (host.equalsIgnoreCase("localhost")) {
                // The hosts file of every supported system maps localhost to the loopback address of each family.
                boolean v6 = family == Family.V6 || family == Family.V6_THEN_V4;
                return new Listener(g, v6 ? Listener.Kind.V6 : Listener.Kind.V4, v6 ? "::1" : "127.0.0.1", port, arg);
            }
            issue(Code.HOST_NAME, Treatment.NOTE, arg - 1, host, g.label());
            return new Listener(g, Listener.Kind.NAME, host, port, arg);
        }

        private static int separator(String s) {
            int i = s.lastIndexOf('|');
            if (i < 0) {
                i = s.lastIndexOf(':');
            }
            if (i < 0) {
                i = s.lastIndexOf(';');
            }
            return i;
        }

        private static long atoiQuiet(String value) {
            int i = 0;
            int n = value.length();
            while (i < n && " \t\n\u000B\f\r".indexOf(value.charAt(i)) >= 0) {
                i++;
            }
            boolean negative = i < n && value.charAt(i) == '-';
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            long v = 0;
            while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9' && v < Integer.MAX_VALUE) {
                v = v * 10 + (value.charAt(i++) - '0');
            }
            return negative ? -v : v;
        }

        private void unknown(int i, String t) {
            Optional<String> removed = Suggestions.removedIn(t.substring(0, 3));
            if (removed.isPresent()) {
                issue(Code.REMOVED_OPTION, Treatment.IGNORED, i, t.substring(0, 3), removed.get());
                return;
            }
            Optional<String> hint = Suggestions.forUnknown(t);
            issue(Code.UNKNOWN_OPTION, Treatment.IGNORED, i, t, hint.orElse(""));
        }

        /** Arguments no group reads: unknown letters after a dash, and words that are nobody's value. */
        private void strays() {
            String runHint = null;
            for (int i = 0; i < text.length; i++) {
                String t = text[i];
                if (read[i] || t.startsWith("-")) {
                    runHint = null;
                    if (!read[i]) {
                        issue(
                                Code.UNKNOWN_OPTION,
                                Treatment.IGNORED,
                                i,
                                t,
                                Suggestions.forUnknown(t).orElse(""));
                    }
                    continue;
                }
                if (runHint == null) {
                    runHint = pathHint(i);
                }
                issue(
                        Code.STRAY_ARGUMENT,
                        Treatment.IGNORED,
                        i,
                        t,
                        runHint.isEmpty() ? Suggestions.forStray(t).orElse("") : runHint);
            }
        }

        /**
         * Words after the value of {@code -Ms} that no option takes are most often the rest of a path with a blank
         * in it, which XMail cut at the blank: the hint is the whole path quoted. Computed once per run of words.
         *
         * @param start the first word of the run
         * @return the hint, or empty
         */
        private String pathHint(int start) {
            if (start < 2 || !read[start - 1] || !text[start - 2].equals(Switch.MS.flag())) {
                return "";
            }
            StringBuilder whole = new StringBuilder(text[start - 1]);
            for (int j = start; j < text.length && !read[j] && !text[j].startsWith("-"); j++) {
                whole.append(' ').append(text[j]);
                if (whole.length() > MAX_PATH) {
                    // No directory name is this long: these words are something else.
                    return "";
                }
            }
            return Switch.MS.flag() + " " + Tokens.quote(whole.toString());
        }

        /** What can only be judged once every option is known. */
        private void afterwards() {
            Setting rotate = settings.get(Switch.MR);
            if (rotate != null && issues.values().stream().anyMatch(x -> x.code() == Code.LOG_ROTATE_ZERO)) {
                issues.values().removeIf(x -> x.code() == Code.LOG_ROTATE_ZERO);
                List<Switch> logs =
                        LOG_SWITCHES.stream().filter(settings::containsKey).toList();
                if (Integer.parseInt(rotate.value()) <= 0) {
                    String on = String.join(" ", logs.stream().map(Switch::flag).toList());
                    issue(
                            Code.LOG_ROTATE_ZERO,
                            logs.isEmpty() ? Treatment.NOTE : Treatment.CRASHES,
                            rotate.arg(),
                            rotate.option().flag(),
                            rotate.written(),
                            on);
                }
            }
            if (platform == Platform.UNIX
                    && settings.containsKey(Switch.MD)
                    && args.stream().noneMatch(a -> !a.environment() && a.text().equals("-Md"))) {
                issue(
                        Code.DEBUG_NOT_FOREGROUND,
                        Treatment.NOTE,
                        settings.get(Switch.MD).arg());
            }
            for (int i = 0; i < text.length; i++) {
                if (args.get(i).environment() && text[i].length() > Tokens.MAX_TOKEN) {
                    issue(Code.OVERLONG_TOKEN, Treatment.UNDEFINED, i, text[i].length(), Tokens.MAX_TOKEN);
                }
            }
            for (Group g : Group.LISTENERS) {
                services.putIfAbsent(g, new Service(g, false, List.of(), -1));
            }
            List<OptionIssue> sorted = new ArrayList<>(issues.values());
            sorted.sort((a, b) -> Integer.compare(
                    a.arg() < 0 ? Integer.MAX_VALUE : a.arg(), b.arg() < 0 ? Integer.MAX_VALUE : b.arg()));
            issues.clear();
            for (OptionIssue x : sorted) {
                issues.put(x.code() + "@" + x.arg() + "@" + x.args().hashCode(), x);
            }
        }
    }
}
