package org.xmailkit.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on 127.0.0.1 to a port on 127.0.0.1 that kills the connection in the middle of an upload: once the
 * client has sent a given command (clear-text CTRL), it passes on that many more bytes and then closes both sides at
 * once, as a dropped link would. It cuts one connection only; later ones pass through whole.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final byte[] trigger;
    private final int after;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private CuttingProxy(int target, byte[] trigger, int after) throws IOException {
        this.target = target;
        this.trigger = trigger.clone();
        this.after = after;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(this::accept, "cutting-proxy");
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param target  the port on 127.0.0.1 to relay to
     * @param trigger the bytes after which to cut
     * @param after   how many more bytes to pass on before cutting
     * @return the running relay
     */
    static CuttingProxy to(int target, byte[] trigger, int after) {
        try {
            return new CuttingProxy(target, trigger, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the relay's port on 127.0.0.1 */
    int port() {
        return listener.getLocalPort();
    }

    /** @return whether a connection was cut */
    boolean cut() {
        return cut.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(server);
                boolean armed = !cut.get();
                pump(server, client, false);
                pump(client, server, armed);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean watch) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    byte[] seen = new byte[0];
                    int left = -1;
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                            if (watch && left < 0 && !cut.get()) {
                                byte[] joined = Arrays.copyOf(seen, seen.length + n);
                                System.arraycopy(buf, 0, joined, seen.length, n);
                                int at = indexOf(joined, trigger);
                                if (at >= 0) {
                                    // Pass on this read up to the end of the trigger, and as much after it as allowed.
                                    int tail = joined.length - at - trigger.length;
                                    int pass = n - tail + Math.min(after, tail);
                                    out.write(buf, 0, pass);
                                    out.flush();
                                    left = after - Math.min(after, tail);
                                    if (left == 0) {
                                        kill(from, to);
                                        return;
                                    }
                                    continue;
                                }
                                seen = Arrays.copyOfRange(
                                        joined, Math.max(0, joined.length - trigger.length), joined.length);
                            } else if (watch && left > 0) {
                                int pass = Math.min(n, left);
                                out.write(buf, 0, pass);
                                out.flush();
                                left -= pass;
                                if (left == 0) {
                                    kill(from, to);
                                    return;
                                }
                                continue;
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went away
                    } finally {
                        closeQuietly(to);
                        closeQuietly(from);
                    }
                },
                "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void kill(Socket a, Socket b) {
        cut.set(true);
        closeQuietly(a);
        closeQuietly(b);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(CuttingProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }
}
