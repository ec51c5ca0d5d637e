package org.xmailkit.it;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outcome of one xmailkit run, in a container or in process: the exit status, standard output and error as
 * bytes, and what the container's file system shows as changed ({@code docker diff}: "A /path", "C /path",
 * "D /path"; empty for in-process runs). A class, not a record: it holds byte arrays.
 */
final class CliRun {

    private final int exitCode;
    private final byte[] out;
    private final byte[] err;
    private final List<String> changes;

    CliRun(int exitCode, byte[] out, byte[] err, List<String> changes) {
        this.exitCode = exitCode;
        this.out = out.clone();
        this.err = err.clone();
        this.changes = List.copyOf(changes);
    }

    /** @return the process exit status */
    int exitCode() {
        return exitCode;
    }

    /** @return what the container's file system shows as changed */
    List<String> changes() {
        return changes;
    }

    /** @return standard output decoded as strict UTF-8 (an AssertionError if it is not UTF-8) */
    String stdout() {
        return utf8(out, "stdout");
    }

    /** @return standard error decoded as strict UTF-8 */
    String stderr() {
        return utf8(err, "stderr");
    }

    /** @return the lines of standard error */
    List<String> stderrLines() {
        return stderr().lines().toList();
    }

    /** @return standard output, as bytes */
    byte[] out() {
        return out.clone();
    }

    /** @return standard error, as bytes */
    byte[] err() {
        return err.clone();
    }

    private static String utf8(byte[] bytes, String stream) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(stream + " is not valid UTF-8: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + new String(out, StandardCharsets.UTF_8) + "--- stderr\n"
                + new String(err, StandardCharsets.UTF_8) + (changes.isEmpty() ? "" : "--- changes\n" + changes);
    }
}
