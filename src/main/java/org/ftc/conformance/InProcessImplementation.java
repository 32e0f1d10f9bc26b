package org.ftc.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.ftc.gate.AnswerLine;
import org.ftc.gate.Attempt;
import org.ftc.gate.Implementation;
import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;
import org.ftc.io.AnswerCodec;
import org.ftc.io.JsonStrings;
import org.ftc.io.NetworkCodec;

/**
 * A JVM implementation ({@link Construction}) called in process, as an {@link Implementation} the
 * gate's judge (and the gate) can run. Its {@link Answer} is written as an {@code ftc-answer} line,
 * the network with its exact weights, and read back by the strict reader, so what passes here
 * passes the gate; an exception is the answer status {@code error} (verdict {@code crash}).
 */
public final class InProcessImplementation implements Implementation {
    /** No time limit: the construction runs on the caller's thread. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private final Construction construction;

    public InProcessImplementation(Construction construction) {
        this.construction = Objects.requireNonNull(construction, "construction");
    }

    /**
     * Calls the construction ({@code attemptId} is not needed: each call returns its own answer).
     * With a time limit it runs on a thread of its own, which is interrupted when the limit is
     * reached (verdict {@code timeout}); a construction that ignores interrupts runs on, unjudged.
     */
    @Override
    public Attempt answer(Instance instance, String attemptId, long timeoutMillis) {
        long start = System.nanoTime();
        if (timeoutMillis == NO_LIMIT) return attempt(instance, answerLine(instance), start);
        String[] line = new String[1];
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                line[0] = answerLine(instance);
            } catch (RuntimeException | Error e) { // what the caller's thread would have thrown (an AssertionError, say)
                thrown[0] = e;
            }
        }, "ftc-in-process");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            return new Attempt.Failed(Verdict.Kind.TIMEOUT, "no answer within " + elapsed + " ms; the construction's thread was interrupted",
                    new Attempt.Run(-1, "", elapsed, new byte[0]));
        }
        // join() makes the worker's writes visible here.
        if (thrown[0] instanceof RuntimeException e) throw e;
        if (thrown[0] instanceof Error e) throw e;
        return attempt(instance, line[0], start);
    }

    @Override
    public AnswerForm form() {
        return AnswerForm.ANSWER_LINE;
    }

    private static Attempt attempt(Instance instance, String line, long startNanos) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return AnswerLine.attempt(instance, bytes, AnswerCodec.DEFAULT, new Attempt.Run(-1, "", (System.nanoTime() - startNanos) / 1_000_000, bytes));
    }

    /** The construction's answer as an {@code ftc-answer} line; an exception becomes status {@code error}, naming where it was thrown. */
    private String answerLine(Instance instance) {
        try {
            return answerLine(construction.construct(instance));
        } catch (Exception | StackOverflowError e) {
            StackTraceElement[] at = e.getStackTrace();
            String where = at.length == 0 ? "" : " (at " + at[0] + ")";
            return "{\"format\":\"ftc-answer\",\"version\":1,\"status\":\"error\",\"message\":" + JsonStrings.quote(e.toString().replace('\n', ' ') + where) + "}";
        }
    }

    private static String answerLine(Answer a) {
        StringBuilder s = new StringBuilder("{\"format\":\"ftc-answer\",\"version\":1,\"status\":");
        switch (a.kind()) {
            case INFEASIBLE:
                return s.append("\"infeasible\"}").toString();
            case UNSUPPORTED:
                s.append("\"unsupported\",\"message\":");
                JsonStrings.quote(s, a.message());
                return s.append('}').toString();
            case NETWORK:
            default:
                return s.append("\"network\",\"network\":").append(NetworkCodec.writeCompact(a.networkValue().orElseThrow())).append('}').toString();
        }
    }
}
