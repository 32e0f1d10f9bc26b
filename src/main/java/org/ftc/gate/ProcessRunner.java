package org.ftc.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an implementation command once: {@code /bin/sh -c command}, the instance on standard input,
 * the answer from standard output. Enforces a time limit (the whole process tree is killed) and an
 * output size limit (the process tree is killed as soon as it is exceeded); when the process ends,
 * whatever it started and left running is killed too ({@link ProcessTree}). Standard input is
 * written and standard output and error are read on their own threads, so a program that answers
 * before it has read all its input cannot deadlock the harness.
 */
public final class ProcessRunner {
    static final int STDERR_TAIL = StreamTail.LIMIT;

    private final String command;
    private final long timeoutMillis;
    private final long maxOutputBytes;
    private final Path workingDirectory;

    public ProcessRunner(String command, long timeoutMillis, long maxOutputBytes, Path workingDirectory) {
        if (command.isBlank()) throw new IllegalArgumentException("the implementation command is empty");
        if (timeoutMillis < 1) throw new IllegalArgumentException("time limit must be positive, got " + timeoutMillis);
        if (maxOutputBytes < 1) throw new IllegalArgumentException("output limit must be positive, got " + maxOutputBytes);
        this.command = command;
        this.timeoutMillis = timeoutMillis;
        this.maxOutputBytes = maxOutputBytes;
        this.workingDirectory = workingDirectory;
    }

    public String command() {
        return command;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** The same command and limits with another time limit. */
    public ProcessRunner withTimeout(long millis) {
        return new ProcessRunner(command, millis, maxOutputBytes, workingDirectory);
    }

    public RunResult run(byte[] input) {
        long start = System.nanoTime();
        Process process;
        try {
            process = ProcessTree.start(command, workingDirectory);
        } catch (IOException e) {
            return new RunResult(127, new byte[0], "could not start: " + e.getMessage(), 0, false, false, maxOutputBytes);
        }
        Capture out = new Capture(process.getInputStream(), maxOutputBytes, process);
        StreamTail err = new StreamTail(process.getErrorStream(), "gate-stderr", StreamTail.afterExit(process, stderrReaderDelayMillis));
        Thread writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException ignored) {
                // The program closed its input early (it may not need all of it): not our error.
            }
        }, "gate-stdin");
        writer.setDaemon(true);
        writer.start();
        out.start();
        boolean finished;
        try {
            finished = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        // The instance is over when the implementation's process has ended (or was stopped): kill
        // whatever it left behind, so no grandchild holds the pipes open or outlives the instance.
        ProcessTree.kill(process);
        // Drain both pipes to their end before reporting (killing never closes them under the
        // readers). Only a process that left the group on purpose can keep them open: the wait is bounded.
        long drainEnd = System.nanoTime() + DRAIN_MILLIS * 1_000_000;
        if (join(out, DRAIN_MILLIS)) err.awaitEnd(remaining(drainEnd));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        int status = finished && !out.overflow ? process.exitValue() : -1;
        return new RunResult(status, out.bytes(), err.takeText(), elapsed, !finished && !out.overflow, out.overflow, maxOutputBytes);
    }

    /** How long the readers may take to reach the end of the pipes once the process has ended. */
    static final long DRAIN_MILLIS = 3000;

    /** Test hook: standard error is first read {@code millis} after the process ended (widens the window of the drain race). */
    ProcessRunner delayStandardErrorReaderForTest(long millis) {
        this.stderrReaderDelayMillis = millis;
        return this;
    }

    private volatile long stderrReaderDelayMillis;

    private static long remaining(long deadlineNanos) {
        return Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    private static boolean join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** Drains standard output up to a limit; beyond it the process tree is killed. */
    private static final class Capture extends Thread {
        private final InputStream stream;
        private final long limit;
        private final Process process;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        volatile boolean overflow;

        Capture(InputStream stream, long limit, Process process) {
            super("gate-stdout");
            setDaemon(true);
            this.stream = stream;
            this.limit = limit;
            this.process = process;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = stream) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (data) {
                        if (data.size() + (long) n > limit) {
                            overflow = true;
                            ProcessTree.kill(process);
                            return;
                        }
                        data.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // The stream failed: what was read so far is the output.
            }
        }

        byte[] bytes() {
            synchronized (data) {
                return data.toByteArray();
            }
        }
    }
}
