package org.ftc.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Line mode (docs/gate.md): keeps implementation processes alive and exchanges one instance line
 * for one answer line. Each concurrent caller borrows its own process (so there are at most as
 * many processes as gate workers); a process is started lazily, and after a timeout, an over-long
 * line, an end of its output or a stray extra line it is killed and a fresh one is started for the
 * next instance. Standard input is written, and standard output and error are read, on their own
 * threads: a hung program never blocks the gate beyond the time limit, and a program that writes
 * much to standard error never fills its pipe.
 */
public final class LineRunner implements AutoCloseable {
    private final String command;
    private final long timeoutMillis;
    private final long maxLineBytes;
    private final Path workingDirectory;
    private final ConcurrentLinkedDeque<Session> idle = new ConcurrentLinkedDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();

    public LineRunner(String command, long timeoutMillis, long maxLineBytes, Path workingDirectory) {
        if (command.isBlank()) throw new IllegalArgumentException("the implementation command is empty");
        if (timeoutMillis < 1) throw new IllegalArgumentException("time limit must be positive, got " + timeoutMillis);
        if (maxLineBytes < 1) throw new IllegalArgumentException("output limit must be positive, got " + maxLineBytes);
        this.command = command;
        this.timeoutMillis = timeoutMillis;
        this.maxLineBytes = maxLineBytes;
        this.workingDirectory = workingDirectory;
    }

    /** Test hook: each process's standard error is first read {@code millis} after the process ended (widens the window of the drain race). */
    LineRunner delayStandardErrorReaderForTest(long millis) {
        this.stderrReaderDelayMillis = millis;
        return this;
    }

    private volatile long stderrReaderDelayMillis;

    /** How many processes were started so far (restarts included). */
    public int processStarts() {
        return starts.get();
    }

    /** Sends one instance line ({@code line} must not contain a newline) and waits for one answer line. */
    public LineResult exchange(byte[] line) {
        return exchange(line, answer -> true);
    }

    /**
     * The same, where {@code inStep} tells whether an answer line is for this instance (it echoes
     * the instance's id). An answer for another instance is a stray line that arrived just after
     * this instance was sent: the process is out of step, so it is killed and the instance is sent
     * once more (to another process, started afresh if none is idle), whose answer is returned whatever it holds. {@code inStep} is
     * called on every answer line, the returned one last.
     */
    public LineResult exchange(byte[] line, java.util.function.Predicate<byte[]> inStep) {
        for (byte b : line) if (b == '\n') throw new IllegalArgumentException("an instance line must not contain a newline");
        LineResult r = exchangeOnce(line, inStep, false);
        if (r != null) return r;
        strays.incrementAndGet();
        return exchangeOnce(line, inStep, true);
    }

    /** How many times a process was found out of step by an answer for another instance (and restarted). */
    public int outOfStepRestarts() {
        return strays.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger strays = new java.util.concurrent.atomic.AtomicInteger();

    /** One exchange; null when the answer was for another instance (the process was killed) and {@code last} is false. */
    private LineResult exchangeOnce(byte[] line, java.util.function.Predicate<byte[]> inStep, boolean last) {
        Session s = idle.pollFirst();
        if (s != null && s.hasStrayOutput()) {
            // A line nobody asked for: the process is out of step with the gate, so start afresh.
            s.kill();
            s = null;
        }
        if (s == null) s = start();
        if (s == null) {
            return new LineResult(LineResult.Outcome.ENDED, new byte[0], 127, "could not start /bin/sh -c " + command, 0, 0, maxLineBytes);
        }
        LineResult r = s.exchange(line);
        if (r.outcome() != LineResult.Outcome.ANSWER) {
            s.kill();
            return r;
        }
        boolean mine = inStep.test(r.line());
        if (!mine && !last) {
            s.kill();
            return null;
        }
        idle.addFirst(s);
        return r;
    }

    private Session start() {
        try {
            Process p = ProcessTree.start(command, workingDirectory);
            starts.incrementAndGet();
            return new Session(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes every idle process's input (the signal to finish), waits a moment, then kills what is left. */
    @Override
    public void close() {
        List<Session> all = new java.util.ArrayList<>();
        for (Session s; (s = idle.pollFirst()) != null; ) all.add(s);
        for (Session s : all) s.closeInput();
        long deadline = System.nanoTime() + 1_000_000_000L;
        for (Session s : all) {
            try {
                s.process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            s.kill();
        }
    }

    /** An event on standard output: a complete line, a line over the limit, or the end of the stream. */
    private record Event(byte[] line, boolean tooLong, boolean end) {
    }

    private static final byte[] CLOSE = new byte[0];

    private final class Session {
        final Process process;
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
        final StreamTail stderr;
        int served;

        Session(Process process) {
            this.process = process;
            Thread writer = new Thread(this::writeLoop, "gate-line-stdin");
            Thread reader = new Thread(this::readLoop, "gate-line-stdout");
            stderr = new StreamTail(process.getErrorStream(), "gate-line-stderr", StreamTail.afterExit(process, stderrReaderDelayMillis));
            // When the implementation's process ends, what it left running is killed: a grandchild
            // holding standard output open would otherwise hide the end until the time limit.
            process.onExit().thenRun(() -> ProcessTree.killGroup(process));
            for (Thread t : List.of(writer, reader)) {
                t.setDaemon(true);
                t.start();
            }
        }

        boolean hasStrayOutput() {
            return events.stream().anyMatch(e -> !e.end());
        }

        LineResult exchange(byte[] line) {
            stderr.take(); // what was written before this instance belongs to no instance
            long start = System.nanoTime();
            byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
            withNewline[line.length] = '\n';
            input.add(withNewline);
            Event e;
            try {
                e = events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e = null;
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            int before = served;
            if (e == null) {
                return new LineResult(LineResult.Outcome.TIMEOUT, new byte[0], -1, killAndDrain(), elapsed, before, maxLineBytes);
            }
            if (e.tooLong()) {
                return new LineResult(LineResult.Outcome.TOO_LONG, new byte[0], -1, killAndDrain(), elapsed, before, maxLineBytes);
            }
            if (e.end()) {
                int status = -1;
                try {
                    if (process.waitFor(ProcessRunner.DRAIN_MILLIS, TimeUnit.MILLISECONDS)) status = process.exitValue();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                return new LineResult(LineResult.Outcome.ENDED, new byte[0], status, killAndDrain(), elapsed, before, maxLineBytes);
            }
            served++;
            return new LineResult(LineResult.Outcome.ANSWER, e.line(), -1, stderr.takeText(), elapsed, before, maxLineBytes);
        }

        void closeInput() {
            input.add(CLOSE);
        }

        void kill() {
            ProcessTree.kill(process);
            input.add(CLOSE);
        }

        /**
         * Kills the tree, then reads standard error to its end (bounded): the last words of a
         * process that died (a traceback, say) are still in the pipe when its end is seen on
         * standard output, and killing never closes the pipe under the reader.
         */
        String killAndDrain() {
            kill();
            stderr.awaitEnd(ProcessRunner.DRAIN_MILLIS);
            return stderr.takeText();
        }

        private void writeLoop() {
            try (OutputStream out = process.getOutputStream()) {
                while (true) {
                    byte[] line = input.take();
                    if (line == CLOSE) return;
                    out.write(line);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // The process ended or was killed: the reader reports it.
            }
        }

        private void readLoop() {
            byte[] buffer = new byte[1 << 16];
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] != '\n') continue;
                        current.write(buffer, from, i - from);
                        from = i + 1;
                        if (current.size() > maxLineBytes) {
                            events.add(new Event(new byte[0], true, false));
                            return;
                        }
                        events.add(new Event(current.toByteArray(), false, false));
                        current.reset();
                    }
                    current.write(buffer, from, n - from);
                    if (current.size() > maxLineBytes) {
                        events.add(new Event(new byte[0], true, false));
                        return;
                    }
                }
            } catch (IOException ignored) {
                // The stream closes when the process is killed.
            }
            events.add(new Event(new byte[0], false, true));
        }
    }
}
