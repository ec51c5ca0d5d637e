package org.xmailkit.audit.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Probes hosts: only the hosts named, each resolved once; the services of one host one after another, a few hosts
 * at once ({@link ProbeOptions#parallelHosts}). Every endpoint has its own connection and time budget.
 */
public final class Prober {

    /**
     * One host and the services to probe on it.
     *
     * @param host      the host as given (a name, or an address literal; IPv6 without brackets)
     * @param endpoints the endpoints, in the order to probe them (all on this host)
     */
    public record Target(String host, List<Endpoint> endpoints) {
        public Target {
            Objects.requireNonNull(host, "host");
            endpoints = List.copyOf(endpoints);
            if (endpoints.stream().anyMatch(e -> !e.host().equals(host))) {
                throw new IllegalArgumentException("an endpoint of another host");
            }
        }
    }

    private final ProbeOptions options;

    /** @param options how to probe */
    public Prober(ProbeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        TlsPolicy.allowLegacy();
    }

    /**
     * @param target a host and its endpoints
     * @return what it showed
     */
    public HostProbe probe(Target target) {
        Instant started = options.clock().instant();
        long t0 = System.nanoTime();
        List<String> untested = untested();
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException | SecurityException e) {
            return new HostProbe(
                    target.host(),
                    "",
                    "",
                    started,
                    Duration.ofNanos(System.nanoTime() - t0),
                    List.of(),
                    untested,
                    HostProbe.UNKNOWN_HOST);
        }
        List<EndpointProbe> out = new ArrayList<>();
        String source = "";
        for (Endpoint e : target.endpoints()) {
            EndpointProber p = new EndpointProber(e, address, options);
            out.add(p.probe());
            if (source.isEmpty()) {
                source = p.source();
            }
        }
        return new HostProbe(
                target.host(),
                address.getHostAddress(),
                source,
                started,
                Duration.ofNanos(System.nanoTime() - t0),
                out,
                untested,
                "");
    }

    /**
     * @param targets  the hosts
     * @param progress told about each host when it is done, from the worker threads (must be thread-safe)
     * @return one probe per host, in the order given
     */
    public List<HostProbe> probe(List<Target> targets, Consumer<HostProbe> progress) {
        List<HostProbe> out = new ArrayList<>();
        if (targets.isEmpty()) {
            return out;
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelHosts(), targets.size()), r -> {
            Thread t = new Thread(r, "xmailkit-probe-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HostProbe>> futures = new ArrayList<>();
            for (Target t : targets) {
                futures.add(pool.submit(() -> {
                    HostProbe h = probe(t);
                    progress.accept(h);
                    return h;
                }));
            }
            for (Future<HostProbe> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("probe interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** @return the versions this runtime cannot offer, as {@code VERSION: why} */
    static List<String> untested() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : TlsPolicy.untestable().entrySet()) {
            out.add(e.getKey() + ": " + e.getValue());
        }
        out.sort(null);
        return out;
    }
}
