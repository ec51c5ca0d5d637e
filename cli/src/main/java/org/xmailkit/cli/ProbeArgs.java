package org.xmailkit.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.xmailkit.audit.ProbeFleet;
import org.xmailkit.audit.probe.Endpoint;
import org.xmailkit.audit.probe.ProbeOptions;
import org.xmailkit.audit.probe.Prober;
import org.xmailkit.audit.probe.Service;

/**
 * What {@code probe}, {@code audit --probe} and {@code report --probe} share: the {@code --service} and
 * {@code --timeout} options and the targets {@code HOST[:PORT]}, each read strictly (a bad value is a usage error).
 */
final class ProbeArgs {

    private ProbeArgs() {}

    /**
     * Adds {@code --service} and {@code --timeout}.
     *
     * @param o      the options
     * @param locale the language of the descriptions
     */
    static void addOptions(Options o, Locale locale) {
        o.addOption(Args.valued(null, "service", "NAME[=PORT],...", locale, "opt.probe.service"));
        o.addOption(Args.valued(null, "timeout", "SECONDS", locale, "opt.probe.timeout"));
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @return the services to probe with their ports: {@code --service} (repeatable, comma-separated), else all
     *         seven at XMail's standard ports
     * @throws UsageException for an unknown service or a bad port
     */
    static List<Map.Entry<Service, Integer>> services(CommandLine cl, CommandContext ctx) throws UsageException {
        List<Map.Entry<Service, Integer>> out = new ArrayList<>();
        String[] given = cl.getOptionValues("service");
        if (given == null) {
            for (Service s : Service.values()) {
                out.add(Map.entry(s, s.standardPort()));
            }
            return out;
        }
        for (String value : given) {
            for (String item : value.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                String[] kv = item.split("=", 2);
                Optional<Service> s = Service.byId(kv[0]);
                if (s.isEmpty()) {
                    throw new UsageException(ctx.msg("probe.badService", item.strip(), names()));
                }
                int port = kv.length == 2 ? port(kv[1], ctx, item) : s.get().standardPort();
                out.add(Map.entry(s.get(), port));
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(ctx.msg("probe.badService", String.join(",", given), names()));
        }
        return out;
    }

    private static String names() {
        List<String> n = new ArrayList<>();
        for (Service s : Service.values()) {
            n.add(s.id());
        }
        return String.join(", ", n);
    }

    private static int port(String text, CommandContext ctx, String item) throws UsageException {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(ctx.msg("probe.badPort", item.strip()));
    }

    /**
     * @param cl  the command line
     * @param ctx the context
     * @return how to probe: the defaults, with {@code --timeout} and the context's clock
     * @throws UsageException for a bad time-out
     */
    static ProbeOptions options(CommandLine cl, CommandContext ctx) throws UsageException {
        ProbeOptions o = ProbeOptions.defaults().withClock(ctx.clock());
        String t = cl.getOptionValue("timeout");
        if (t == null) {
            return o;
        }
        try {
            long s = Long.parseLong(t.strip());
            if (s >= 1 && s <= ProbeOptions.MAX_TIMEOUT.toSeconds()) {
                return o.withTimeout(Duration.ofSeconds(s));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(ctx.msg("probe.badTimeout", t, ProbeOptions.MAX_TIMEOUT.toSeconds()));
    }

    /**
     * Reads one target: {@code HOST}, {@code HOST:PORT}, {@code [IPv6]}, {@code [IPv6]:PORT} or a bare IPv6 address.
     * A port picks the services given for that port.
     *
     * @param text     the target as typed
     * @param services the services and ports asked for
     * @param mailRoot the MailRoot the host runs on, if known
     * @param ctx      the context
     * @return the target
     * @throws UsageException for an empty host, a bad port or a port no service is given for
     */
    static ProbeFleet.Target target(
            String text, List<Map.Entry<Service, Integer>> services, Optional<Path> mailRoot, CommandContext ctx)
            throws UsageException {
        String host = text.strip();
        Integer port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new UsageException(ctx.msg("probe.badTarget", text));
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":")) {
                port = port(rest.substring(1), ctx, text);
            } else if (!rest.isEmpty()) {
                throw new UsageException(ctx.msg("probe.badTarget", text));
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            port = port(host.substring(host.indexOf(':') + 1), ctx, text);
            host = host.substring(0, host.indexOf(':'));
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            throw new UsageException(ctx.msg("probe.badTarget", text));
        }
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Map.Entry<Service, Integer> s : services) {
            if (port == null || s.getValue().equals(port)) {
                Endpoint e = new Endpoint(host, s.getValue(), s.getKey());
                endpoints.putIfAbsent(s.getKey().id() + ":" + s.getValue(), e);
            }
        }
        if (endpoints.isEmpty()) {
            throw new UsageException(ctx.msg("probe.noServiceOnPort", port, text));
        }
        return new ProbeFleet.Target(new Prober.Target(host, List.copyOf(endpoints.values())), mailRoot);
    }
}
