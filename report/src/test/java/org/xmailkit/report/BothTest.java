package org.xmailkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BothTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void bothRunToTheirEndBeforeTheCallReturns(boolean parallel) throws IOException {
        List<String> done = new CopyOnWriteArrayList<>();
        Both.run(parallel, () -> done.add("first"), () -> {
            sleep(50);
            done.add("second");
        });
        assertEquals(Set.of("first", "second"), Set.copyOf(done));
        assertEquals(2, done.size());
    }

    @Test
    void inParallelTheSecondRunsOnAnotherThreadAtTheSameTime() throws IOException {
        // Each waits until the other has started: run one after the other, they would wait in vain.
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Boolean> met = new CopyOnWriteArrayList<>();
        Both.Work meet = () -> {
            threads.add(Thread.currentThread());
            started.countDown();
            try {
                met.add(started.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        };
        Both.run(true, meet, meet);
        assertEquals(List.of(true, true), met);
        assertEquals(2, Set.copyOf(threads).size());
        assertTrue(threads.contains(Thread.currentThread()));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailureOfTheFirstWaitsForTheSecondAndCarriesItsFailure(boolean parallel) {
        List<String> done = new CopyOnWriteArrayList<>();
        IOException e = assertThrows(
                IOException.class,
                () -> Both.run(
                        parallel,
                        () -> {
                            throw new IOException("disk full");
                        },
                        () -> {
                            sleep(50);
                            done.add("second");
                            throw new IllegalStateException("second broke");
                        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("second broke", e.getSuppressed()[0].getMessage());
        assertEquals(List.of("second"), done);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailureOfTheSecondAloneIsThrownAsItWas(boolean parallel) {
        IOException thrown = new IOException("no space");
        List<String> done = new CopyOnWriteArrayList<>();
        IOException e = assertThrows(
                IOException.class,
                () -> Both.run(parallel, () -> done.add("first"), () -> {
                    throw thrown;
                }));
        assertSame(thrown, e);
        assertEquals(0, e.getSuppressed().length);
        assertEquals(List.of("first"), done);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
