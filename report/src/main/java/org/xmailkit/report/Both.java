package org.xmailkit.report;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Runs two pieces of writing, side by side on two threads or one after the other, and returns when both are done. */
final class Both {

    /** Writing that may fail. */
    @FunctionalInterface
    interface Work {
        /** @throws IOException when writing fails */
        void run() throws IOException;
    }

    private Both() {}

    /**
     * Runs {@code second} on a thread of its own while {@code first} runs on the calling one, or both on the calling
     * one. Both always run to their end, so that neither outlives the call (what they write is closed after it); the
     * first failure is thrown, a failure of the other added to it as suppressed.
     *
     * @param parallel whether to use a second thread
     * @param first    runs on the calling thread
     * @param second   runs on the second thread
     * @throws IOException what either threw
     */
    static void run(boolean parallel, Work first, Work second) throws IOException {
        if (!parallel) {
            try {
                first.run();
            } catch (IOException | RuntimeException | Error e) {
                try {
                    second.run();
                } catch (IOException | RuntimeException | Error other) {
                    e.addSuppressed(other);
                }
                throw e;
            }
            second.run();
            return;
        }
        FutureTask<Void> task = new FutureTask<>(() -> {
            second.run();
            return null;
        });
        Thread thread = new Thread(task, "xmailkit-writer");
        thread.setDaemon(true);
        thread.start();
        Throwable failure = null;
        try {
            first.run();
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        }
        Throwable other = outcome(task);
        if (failure == null) {
            failure = other;
        } else if (other != null) {
            failure.addSuppressed(other);
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure); // work throws no other checked exception
        }
    }

    /** Waits for the second thread, however long, and gives what it threw (null when it succeeded). */
    private static Throwable outcome(FutureTask<Void> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true; // the task must end before what it writes is closed: wait on
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
