package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Runs one task per server on a few threads and hands each result over on the calling thread, in the servers' order,
 * as soon as it and every result before it are done. Only a few tasks run or wait ahead of the next result to hand
 * over ({@link #AHEAD} per thread), so what a batch holds in memory does not grow with the number of servers: a
 * result is written and dropped by the caller before the next one is taken.
 *
 * <p>A server too big to run beside others ({@link MemoryBudget}) runs alone in its turn, once every server before it
 * is done and before any after it starts; one that ran out of memory beside others runs again alone, after the tasks
 * started beside it are done. If it still does not fit, its result says so (the task decides how) and the batch goes
 * on: nothing the others needed was caught in its failure.
 */
public final class OrderedBatch {

    /** Tasks started or done ahead of the next result handed over, per thread. */
    public static final int AHEAD = 4;

    private OrderedBatch() {}

    /**
     * One server's work, on a worker thread (or alone on the calling thread). It must not throw: a failure, running
     * out of memory included, is part of its result.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface Task<T> {
        /**
         * @param index the server's position
         * @return its result
         */
        T run(int index);
    }

    /**
     * Takes the results, in order, on the calling thread.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    public interface Sink<T> {
        /**
         * @param index  the server's position
         * @param result its result
         * @throws IOException when it cannot be written; the batch stops
         */
        void accept(int index, T result) throws IOException;
    }

    /**
     * @param servers     the servers (MailRoot directories or server.tab files), for their sizes
     * @param threads     the most tasks run at once (at least 1)
     * @param task        a server's work
     * @param outOfMemory whether a result says its task ran out of memory (it is run again alone)
     * @param sink        takes the results in order
     * @param <T>         the result
     * @throws IOException           what the sink threw; the tasks still running are abandoned
     * @throws CancellationException when the calling thread is interrupted
     */
    public static <T> void run(List<Path> servers, int threads, Task<T> task, Predicate<T> outOfMemory, Sink<T> sink)
            throws IOException {
        int workers = Math.max(1, Math.min(threads, servers.size()));
        runAlone(MemoryBudget.alone(servers, workers), workers, task, outOfMemory, sink);
    }

    /**
     * @param alone for each server, whether it runs alone ({@link MemoryBudget#alone})
     * @see #run(List, int, Task, Predicate, Sink)
     */
    static <T> void runAlone(List<Boolean> alone, int threads, Task<T> task, Predicate<T> outOfMemory, Sink<T> sink)
            throws IOException {
        int n = alone.size();
        if (n == 0) {
            return;
        }
        int workers = Math.max(1, Math.min(threads, n));
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "xmailkit-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        int window = workers * AHEAD;
        Map<Integer, Future<T>> started = new HashMap<>();
        int next = 0;
        try {
            for (int i = 0; i < n; i++) {
                // Keep the window full, but never start a server that must run alone, nor one after it.
                while (next < n && next < i + window && !alone.get(next)) {
                    int at = next++;
                    started.put(at, pool.submit(() -> task.run(at)));
                }
                T result;
                if (alone.get(i)) {
                    // Every server before it is handed over, so none runs beside it.
                    result = task.run(i);
                    next = i + 1;
                } else {
                    result = started.remove(i).get();
                    if (workers > 1 && outOfMemory.test(result)) {
                        for (Future<T> f : started.values()) {
                            f.get(); // done before it runs alone; their results wait in their futures
                        }
                        result = task.run(i);
                    }
                }
                sink.accept(i, result);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("batch interrupted");
        } catch (ExecutionException e) {
            // Tasks catch what a server can throw; only an error of the machine (an Error other than running out of
            // memory) or a bug of the task itself gets here. Every worker is stopped before giving up, as a killed
            // process would stop them all.
            stop(pool);
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
