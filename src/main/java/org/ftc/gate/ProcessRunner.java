package org.ftc.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an implementation command once: {@code /bin/sh -c command}, the instance on standard input,
 * the answer from standard output. Enforces a time limit (the whole process tree is killed) and an
 * output size limit (the process tree is killed as soon as it is exceeded). Standard input is
 * written and standard output and error are read on their own threads, so a program that answers
 * before it has read all its input cannot deadlock the harness.
 */
public final class ProcessRunner {
    static final int STDERR_TAIL = 4096;

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

    public RunResult run(byte[] input) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            return new RunResult(127, new byte[0], "could not start: " + e.getMessage(), 0, false, false, maxOutputBytes);
        }
        Capture out = new Capture(process.getInputStream(), maxOutputBytes, false, process);
        Capture err = new Capture(process.getErrorStream(), STDERR_TAIL, true, process);
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
        err.start();
        boolean finished;
        try {
            finished = process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished || out.overflow) killTree(process);
        // A child that inherited the pipes may keep them open: give the readers a moment, then kill.
        join(out, 2000);
        join(err, 500);
        if (out.isAlive() || err.isAlive()) {
            killTree(process);
            join(out, 1000);
            join(err, 1000);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        int status = finished && !out.overflow ? process.exitValue() : -1;
        return new RunResult(status, out.bytes(), err.text(), elapsed, !finished && !out.overflow, out.overflow, maxOutputBytes);
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the descendants first (collected before the parent dies and they are re-parented). */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        for (ProcessHandle h : descendants) h.destroyForcibly();
    }

    /** Drains one stream: standard output up to a limit, or the tail of standard error. */
    private static final class Capture extends Thread {
        private final InputStream stream;
        private final long limit;
        private final boolean keepTail;
        private final Process process;
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        volatile boolean overflow;

        Capture(InputStream stream, long limit, boolean keepTail, Process process) {
            super("gate-capture");
            setDaemon(true);
            this.stream = stream;
            this.limit = limit;
            this.keepTail = keepTail;
            this.process = process;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = stream) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (data) {
                        if (keepTail) {
                            data.write(buffer, 0, n);
                            if (data.size() > 4 * limit) {
                                byte[] all = data.toByteArray();
                                data.reset();
                                data.write(all, all.length - (int) limit, (int) limit);
                            }
                        } else if (data.size() + (long) n > limit) {
                            overflow = true;
                            killTree(process);
                            return;
                        } else {
                            data.write(buffer, 0, n);
                        }
                    }
                }
            } catch (IOException ignored) {
                // The stream closes when the process is killed.
            }
        }

        byte[] bytes() {
            synchronized (data) {
                return data.toByteArray();
            }
        }

        String text() {
            byte[] all = bytes();
            int from = Math.max(0, all.length - (int) limit);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }
}
