package org.ftc.cli;

import java.io.PrintWriter;

/**
 * {@code --timings}: one line on standard error as each phase of a command ends, with its wall
 * time and what it handled, so that a long run shows where it is and a slow one where the time
 * goes (without a profiler). Off, it prints nothing.
 */
final class Timings {
    private final PrintWriter err;
    private final String command;
    private final boolean on;
    private final long start = System.nanoTime();
    private long last = start;

    Timings(PrintWriter err, String command, boolean on) {
        this.err = err;
        this.command = command;
        this.on = on;
    }

    /** The phase that just ended: {@code "ftc construct: read the instance: ... (0.41 s)"}. */
    void ended(String phase) {
        if (!on) return;
        long now = System.nanoTime();
        err.printf("ftc %s: %s (%.2f s)%n", command, phase, (now - last) / 1e9);
        err.flush();
        last = now;
    }

    /** The total, after the last phase. */
    void total() {
        if (!on) return;
        err.printf("ftc %s: total %.2f s%n", command, (System.nanoTime() - start) / 1e9);
        err.flush();
    }
}
