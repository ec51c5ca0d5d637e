package org.xmailkit.cli;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

/** The process entry point: builds the context from the real environment and exits with the command's code. */
public final class Main {

    private Main() {}

    /** @param args the command line */
    @SuppressWarnings("SystemConsoleNull") // Java 17: console() is null exactly when no terminal is attached
    public static void main(String[] args) {
        Console console = System.console();
        boolean terminal = console != null;
        // Off a terminal, standard output is written in blocks rather than a system call per line: a fleet's
        // text output has hundreds of thousands of lines. Standard error stays unbuffered and writes standard
        // output first, so that both still appear in order when they go to the same file.
        OutputStream out =
                terminal ? System.out : new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = terminal ? System.err : new OutputFirst(System.err, out);
        ExitCode code;
        try {
            CommandContext ctx = new CommandContext(
                    out,
                    err,
                    consoleCharset(),
                    Locale.getDefault(),
                    terminal,
                    false,
                    Clock.system(ZoneId.systemDefault()),
                    Path.of("").toAbsolutePath());
            code = new Cli().run(args, ctx);
        } finally {
            try {
                out.flush();
            } catch (IOException e) {
                // standard output is gone (a closed pipe): nothing more can be said there
            }
        }
        System.exit(code.code());
    }

    /** Standard error that first writes out what is still buffered for standard output. */
    static final class OutputFirst extends OutputStream {
        private final OutputStream err;
        private final OutputStream out;

        OutputFirst(OutputStream err, OutputStream out) {
            this.err = err;
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.flush();
            err.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.flush();
            err.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            err.flush();
        }
    }

    /**
     * The encoding for human-readable output: the console's (as the JVM reports it) unless that is plain ASCII
     * (LANG=C), where Japanese text would turn into question marks; then UTF-8.
     */
    static Charset consoleCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                Charset cs = Charset.forName(name);
                return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
