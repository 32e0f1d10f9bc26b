package org.ftc.gate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a stream to its end on its own thread and keeps its last {@link #LIMIT} bytes (an
 * implementation's standard error). The stream is closed only by this reader, at its end: a caller
 * waits for {@link #awaitEnd} (the drain) before it reports the tail, so the last words written
 * before a process died are never lost to a pipe closed under the reader.
 */
final class StreamTail {
    /** How much of the end of the stream is kept. */
    static final int LIMIT = 4096;

    private final InputStream stream;
    private final Runnable beforeFirstRead;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final Thread thread;

    StreamTail(InputStream stream, String name) {
        this(stream, name, () -> { });
    }

    /**
     * @param beforeFirstRead runs on the reader thread before the first read (tests use it to widen
     *                        the window in which a process has died but its last words are still in
     *                        the pipe)
     */
    StreamTail(InputStream stream, String name, Runnable beforeFirstRead) {
        this.stream = stream;
        this.beforeFirstRead = beforeFirstRead;
        this.thread = new Thread(this::drain, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain() {
        byte[] buffer = new byte[1 << 14];
        try (InputStream in = stream) {
            beforeFirstRead.run();
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (data) {
                    data.write(buffer, 0, n);
                    if (data.size() > 4 * LIMIT) {
                        byte[] all = data.toByteArray();
                        data.reset();
                        data.write(all, all.length - LIMIT, LIMIT);
                    }
                }
            }
        } catch (IOException ignored) {
            // The stream failed: what was read so far is the tail.
        }
    }

    /**
     * Test hook for {@code beforeFirstRead}: waits until {@code process} has ended, then
     * {@code millis} more, so its last words sit in the pipe while the runner decides what to do.
     */
    static Runnable afterExit(Process process, long millis) {
        if (millis <= 0) return () -> { };
        return () -> {
            try {
                process.onExit().get();
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Waits until the stream has ended (every writer closed it), at most {@code millis}; true when it has. */
    boolean awaitEnd(long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** The last {@link #LIMIT} bytes read so far; they are forgotten (the next call returns only newer bytes). */
    byte[] take() {
        byte[] all;
        synchronized (data) {
            all = data.toByteArray();
            data.reset();
        }
        int from = Math.max(0, all.length - LIMIT);
        // Start at a character: skip the continuation bytes of a UTF-8 sequence the cut fell into.
        if (from > 0) for (int k = 0; k < 3 && from < all.length && (all[from] & 0xC0) == 0x80; k++) from++;
        return java.util.Arrays.copyOfRange(all, from, all.length);
    }

    /** {@link #take()} decoded as UTF-8 (malformed bytes become U+FFFD). */
    String takeText() {
        return new String(take(), StandardCharsets.UTF_8);
    }
}
