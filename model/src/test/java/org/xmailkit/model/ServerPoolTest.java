package org.xmailkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one batch runner: order kept, a job that ran out of memory beside others runs again alone, Errors stop it. */
class ServerPoolTest {

    private static List<Path> servers(int n) {
        return IntStream.range(0, n).mapToObj(i -> Path.of("server" + i)).toList();
    }

    @Test
    void resultsKeepTheServersOrderWhateverOrderTheyFinishIn() {
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        List<String> out = new ServerPool<String>("test", 4, r -> false).run(servers(20), i -> {
            if (i % 3 == 0) {
                Thread.onSpinWait();
            }
            return "r" + i;
        }, done::add);
        assertEquals(IntStream.range(0, 20).mapToObj(i -> "r" + i).toList(), out);
        assertEquals(20, done.size(), "each final result is told once");
    }

    @Test
    void aJobThatRanOutOfMemoryBesideOthersRunsAgainAloneAndOnlyItsFinalResultIsTold() {
        AtomicInteger tries = new AtomicInteger();
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        List<String> out = new ServerPool<String>("test", 3, "oom"::equals).run(servers(5),
                i -> i == 2 && tries.getAndIncrement() == 0 ? "oom" : "ok" + i, done::add);
        assertEquals(List.of("ok0", "ok1", "ok2", "ok3", "ok4"), out);
        assertEquals(2, tries.get());
        assertTrue(!done.contains("oom"));
        assertEquals(5, done.size());
    }

    @Test
    void anErrorStopsTheRunAndIsThrown() {
        ServerPool<String> pool = new ServerPool<>("test", 2, r -> false);
        assertThrows(StackOverflowError.class, () -> pool.run(servers(4), i -> {
            if (i == 1) {
                throw new StackOverflowError("bug");
            }
            return "ok";
        }, r -> { }));
    }

    @Test
    void anEmptyBatchIsEmptyAndAPoolNeedsAThread() {
        assertEquals(List.of(), new ServerPool<String>("test", 1, r -> false).run(List.of(), i -> "x", r -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ServerPool<String>("test", 0, r -> false));
    }
}
