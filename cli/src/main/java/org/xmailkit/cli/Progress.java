package org.xmailkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * The progress bar of a run over many servers, on standard error: only on a terminal, only for more than one server,
 * never with {@code --quiet}; otherwise every method does nothing. What the command prints meanwhile on the same
 * terminal goes above the bar: {@link #above} clears the bar's line while it prints, and the bar is drawn again
 * below. The bar draws only its own characters (the task's name comes from the message bundles), through
 * {@link CommandContext#progress()}.
 */
final class Progress implements AutoCloseable {

    /** Does nothing. */
    static final Progress NONE = new Progress(null, null);

    private final ProgressBar bar;
    private final Line line;

    private Progress(ProgressBar bar, Line line) {
        this.bar = bar;
        this.line = line;
    }

    /**
     * @param ctx     the context (its terminal flag)
     * @param taskKey the message key of the task's name
     * @param total   how many servers
     * @param quiet   whether {@code --quiet} was given
     * @return a bar, or {@link #NONE}
     */
    static Progress start(CommandContext ctx, String taskKey, int total, boolean quiet) {
        if (!ctx.terminal() || quiet || total < 2) {
            return NONE;
        }
        PrintStream err = ctx.progress();
        Line line = new Line(new ConsoleProgressBarConsumer(err), err);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(ctx.msg(taskKey))
                .setInitialMax(total)
                .setConsumer(line)
                .clearDisplayOnFinish()
                .build();
        return new Progress(bar, line);
    }

    /** One more server done. */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** A piece of output, printed above the bar. */
    @FunctionalInterface
    interface Output {
        /** @throws IOException when writing fails */
        void print() throws IOException;
    }

    /**
     * Prints with the bar's line cleared, so that the output scrolls up above the bar.
     *
     * @param out    what to print
     * @param stdout flushed before the bar is drawn again
     * @throws IOException when writing fails
     */
    void above(Output out, OutputStream stdout) throws IOException {
        if (line == null) {
            out.print();
            return;
        }
        synchronized (line) {
            line.clearLine();
            out.print();
            stdout.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** Draws the bar, unless output is being printed above it. */
    private static final class Line implements ProgressBarConsumer {
        private final ConsoleProgressBarConsumer console;
        private final PrintStream err;

        Line(ConsoleProgressBarConsumer console, PrintStream err) {
            this.console = console;
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return console.getMaxRenderedLength();
        }

        @Override
        public synchronized void accept(String rendered) {
            console.accept(rendered);
            err.flush();
        }

        /** Blanks the bar's line and returns to its start. */
        synchronized void clearLine() {
            console.clear();
            err.print('\r');
            err.flush();
        }

        @Override
        public synchronized void close() {
            console.close();
        }
    }
}
