package org.xmailkit.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs one job per server of a batch, the one way every batch of xmailkit runs (audit, migrate, report): at most
 * {@code threads} servers at once, on daemon threads, results in the order the servers were given whatever order
 * they finish in. A server too big to run beside others ({@link MemoryBudget}), or one whose job ran out of memory
 * beside others, runs alone after the rest, with the whole heap. A job handles its own server's failures and returns
 * them as a result; an {@link Error} other than running out of memory stops every worker and is thrown, as a killed
 * process would stop them all. Interrupting the calling thread stops the workers and ends the run with a
 * {@link CancellationException}.
 *
 * @param <R> a server's result
 */
public final class ServerPool<R> {

    private final String name;
    private final int threads;
    private final Predicate<R> outOfMemory;

    /**
     * @param name        the workers' thread name prefix, e.g. {@code xmailkit-audit}
     * @param threads     the most servers at once (at least 1)
     * @param outOfMemory whether a result says its job ran out of memory (it is then tried again alone)
     */
    public ServerPool(String name, int threads, Predicate<R> outOfMemory) {
        this.name = Objects.requireNonNull(name, "name");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
        this.outOfMemory = Objects.requireNonNull(outOfMemory, "outOfMemory");
    }

    /**
     * @param servers the servers, in the order results are returned
     * @param job     the work for the server at an index; returns its result, never throws for the server's sake
     * @param done    told about each final result, from the worker threads (must be thread-safe); a result that
     *                ran out of memory beside others is not final: its server runs again alone
     * @return one result per server, in order
     * @throws CancellationException when the calling thread is interrupted
     */
    public List<R> run(List<Path> servers, IntFunction<R> job, Consumer<R> done) {
        List<R> out = new ArrayList<>(servers.size());
        if (servers.isEmpty()) {
            return out;
        }
        int n = Math.min(threads, servers.size());
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Boolean> alone = MemoryBudget.alone(servers, n);
            List<Future<R>> futures = new ArrayList<>(servers.size());
            for (int i = 0; i < servers.size(); i++) {
                int index = i;
                futures.add(alone.get(i) ? null : pool.submit(() -> {
                    R r = job.apply(index);
                    if (!outOfMemory.test(r) || n == 1) {
                        done.accept(r);
                    }
                    return r;
                }));
            }
            for (Future<R> f : futures) {
                out.add(f == null ? null : f.get());
            }
            // Then, one at a time: the servers too big to run beside others, and those that ran out of memory while
            // others ran beside them.
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) == null || (n > 1 && outOfMemory.test(out.get(i)))) {
                    R r = job.apply(i);
                    done.accept(r);
                    out.set(i, r);
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(name + " interrupted");
        } catch (ExecutionException e) {
            // A job returns its server's failures; what gets here is a bug or an Error: every worker stops first.
            pool.shutdownNow();
            awaitQuietly(pool);
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
