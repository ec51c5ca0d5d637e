package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedBatchTest {

    /** A task's result: its server, how many tasks ran at its end, whether it ran out of memory. */
    private record Result(int index, int beside, boolean outOfMemory) {}

    /** Tasks that take random times, recording how many run at once and how far ahead of the consumer they start. */
    private static final class Tasks {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger handed = new AtomicInteger();
        final AtomicInteger furthestAhead = new AtomicInteger();
        final List<Integer> runs = Collections.synchronizedList(new ArrayList<>());
        final Set<Integer> outOfMemoryOnce = ConcurrentHashMap.newKeySet();

        Result run(int i) {
            runs.add(i);
            running.incrementAndGet();
            furthestAhead.accumulateAndGet(started.incrementAndGet() - handed.get(), Math::max);
            try {
                Thread.sleep(new Random(i).nextInt(4));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int beside = running.get();
            running.decrementAndGet();
            return new Result(i, beside, outOfMemoryOnce.remove(i));
        }
    }

    private static List<Boolean> none(int n) {
        return new ArrayList<>(Collections.nCopies(n, false));
    }

    @Test
    void resultsAreHandedOverInOrderWithOnlyAFewTasksAhead() throws IOException {
        Tasks tasks = new Tasks();
        List<Integer> seen = new ArrayList<>();
        OrderedBatch.runAlone(none(300), 3, tasks::run, Result::outOfMemory, (i, r) -> {
            assertEquals(i, r.index());
            assertFalse(
                    Thread.currentThread().getName().startsWith("xmailkit-worker"),
                    "handed over on the calling thread");
            seen.add(i);
            tasks.handed.incrementAndGet();
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertEquals(300, tasks.runs.size(), "each task ran once");
        assertTrue(
                tasks.furthestAhead.get() <= 3 * OrderedBatch.AHEAD + 1,
                "at most a window of tasks ahead of the consumer: " + tasks.furthestAhead.get());
    }

    @Test
    void aServerThatMustRunAloneRunsInItsTurnWithNothingBesideIt() throws IOException {
        Tasks tasks = new Tasks();
        List<Boolean> alone = none(40);
        alone.set(17, true);
        alone.set(18, true);
        List<Result> seen = new ArrayList<>();
        OrderedBatch.runAlone(alone, 2, tasks::run, Result::outOfMemory, (i, r) -> {
            seen.add(r);
            tasks.handed.incrementAndGet();
        });
        assertEquals(40, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i).index());
        }
        assertEquals(1, seen.get(17).beside(), "alone");
        assertEquals(1, seen.get(18).beside(), "alone");
        int at17 = tasks.runs.indexOf(17);
        assertTrue(tasks.runs.subList(0, at17).containsAll(List.of(0, 1, 2, 16)), "every server before runs first");
        assertFalse(tasks.runs.subList(0, at17).contains(19), "no server after starts before it");
    }

    @Test
    void aServerThatRanOutOfMemoryBesideOthersRunsAgainAloneAfterThem() throws IOException {
        Tasks tasks = new Tasks();
        tasks.outOfMemoryOnce.add(5);
        List<Result> seen = new ArrayList<>();
        OrderedBatch.runAlone(none(30), 2, tasks::run, Result::outOfMemory, (i, r) -> seen.add(r));
        assertEquals(30, seen.size());
        assertFalse(seen.get(5).outOfMemory(), "the second run, alone, fitted");
        assertEquals(1, seen.get(5).beside());
        assertEquals(2, tasks.runs.stream().filter(i -> i == 5).count(), "it ran twice");
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i, seen.get(i).index());
        }
    }

    @Test
    void withOneThreadNothingRunsAgain() throws IOException {
        Tasks tasks = new Tasks();
        tasks.outOfMemoryOnce.add(2);
        List<Result> seen = new ArrayList<>();
        OrderedBatch.runAlone(none(5), 1, tasks::run, Result::outOfMemory, (i, r) -> seen.add(r));
        assertTrue(seen.get(2).outOfMemory(), "nothing else ran beside it: running it again would not help");
        assertEquals(5, tasks.runs.size());
    }

    @Test
    void whatTheConsumerThrowsStopsTheBatch() {
        Tasks tasks = new Tasks();
        IOException full = new IOException("disk full");
        IOException thrown = assertThrows(
                IOException.class,
                () -> OrderedBatch.runAlone(none(1000), 2, tasks::run, Result::outOfMemory, (i, r) -> {
                    if (i == 10) {
                        throw full;
                    }
                }));
        assertSame(full, thrown);
        assertTrue(tasks.runs.size() < 1000, "the rest was not started");
    }

    @Test
    void anErrorOfATaskIsRethrownAsItIs() {
        StackOverflowError boom = new StackOverflowError("deep");
        OrderedBatch.Task<Integer> task = i -> {
            if (i == 7) {
                throw boom;
            }
            return i;
        };
        StackOverflowError thrown = assertThrows(
                StackOverflowError.class, () -> OrderedBatch.runAlone(none(20), 2, task, r -> false, (i, r) -> {}));
        assertSame(boom, thrown);
    }

    @Test
    void anEmptyBatchDoesNothing() throws IOException {
        OrderedBatch.runAlone(
                List.of(),
                4,
                i -> {
                    throw new AssertionError("no task");
                },
                r -> false,
                (i, r) -> {
                    throw new AssertionError("nothing handed over");
                });
    }
}
