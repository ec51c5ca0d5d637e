package org.xmailkit.model.ctrl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a CTRL password: a password file only its owner can read, else the environment variable
 * {@value #ENVIRONMENT}, else a question on the terminal. Never the command line or the address. The bytes returned
 * belong to the caller, who clears them after the login.
 */
public final class CtrlPassword {

    /** The environment variable that may hold the password. */
    public static final String ENVIRONMENT = "XMAILKIT_CTRL_PASSWORD";

    /** Asks for a password on the terminal without echo. */
    @FunctionalInterface
    public interface Prompt {
        /**
         * @param server the server, as {@code ctrl://user@host:port}
         * @return what was typed, or null when nothing can be asked
         */
        char[] ask(String server);
    }

    private CtrlPassword() {}

    /**
     * @param server      the server, for messages
     * @param file        a password file, if given
     * @param environment the environment
     * @param prompt      how to ask, if a terminal is there
     * @return the password's bytes (UTF-8 for typed text; a file's bytes as they are, without the final line break)
     * @throws CtrlException when none is found, or the file is not private
     */
    public static byte[] find(
            String server, Optional<Path> file, Map<String, String> environment, Optional<Prompt> prompt)
            throws CtrlException {
        if (file.isPresent()) {
            byte[] bytes;
            try {
                bytes = PrivateFiles.readOwnerOnly(file.get());
            } catch (IOException e) {
                throw new CtrlException(
                        server,
                        CtrlException.Kind.PASSWORD_FILE,
                        e,
                        file.get().toString(),
                        CtrlException.printable(String.valueOf(e.getMessage())));
            }
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            byte[] out = Arrays.copyOf(bytes, end);
            Arrays.fill(bytes, (byte) 0);
            if (out.length == 0) {
                throw new CtrlException(
                        server, CtrlException.Kind.PASSWORD_FILE, file.get().toString(), "empty");
            }
            return out;
        }
        String env = environment.get(ENVIRONMENT);
        if (env != null && !env.isEmpty()) {
            return env.getBytes(StandardCharsets.UTF_8);
        }
        if (prompt.isPresent()) {
            char[] typed = prompt.get().ask(server);
            if (typed != null && typed.length > 0) {
                ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed));
                byte[] out = new byte[b.remaining()];
                b.get(out);
                Arrays.fill(typed, '\0');
                // The whole backing array, offset or not: the encoder made it for this password alone.
                if (b.hasArray()) {
                    wipe(b);
                }
                return out;
            }
        }
        throw new CtrlException(server, CtrlException.Kind.NO_PASSWORD);
    }

    @SuppressWarnings("ByteBufferBackingArray") // wipes all of it, so the offset does not matter
    private static void wipe(ByteBuffer b) {
        Arrays.fill(b.array(), (byte) 0);
    }
}
