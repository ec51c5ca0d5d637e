package org.xmailkit.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Which servers of a batch are too big to run beside others. A server's files take far more room in memory than on
 * disk (every line becomes a parsed line, reads, tokens, then problems, findings and texts: about a hundred times
 * the bytes, measured with the benchmark's huge server). Servers that could need more than a share of the heap run
 * alone in their turn ({@link OrderedBatch}): if one does not fit it fails alone, and nothing the others needed (their
 * memory, or a class being set up) was caught in its failure.
 */
public final class MemoryBudget {

    /** Bytes of heap per byte of server.tab, as measured; a rough figure, on the generous side. */
    static final long HEAP_PER_BYTE = 120;

    private MemoryBudget() {}

    /**
     * @param servers MailRoot directories and bare server.tab files
     * @param threads how many would run at once
     * @return for each server (in order), whether it should run alone
     */
    public static List<Boolean> alone(List<Path> servers, int threads) {
        long share = Runtime.getRuntime().maxMemory() / Math.max(2, threads + 1);
        List<Boolean> out = new ArrayList<>(servers.size());
        for (Path p : servers) {
            out.add(threads > 1 && serverTabBytes(p) * HEAP_PER_BYTE > share);
        }
        return out;
    }

    /** The size of the server's server.tab as it stands (0 when it cannot be told; reading it will say why). */
    private static long serverTabBytes(Path server) {
        try {
            Path tab = Files.isDirectory(server) ? server.resolve(MailRootFile.SERVER_TAB.fileName()) : server;
            // Only the size, without following a link: a link is refused when the file is read anyway.
            return Files.readAttributes(tab, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .size();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
