package org.ftc.gate;

import org.ftc.instance.Instance;

/**
 * An implementation of the constructions under judgement, however it runs: a command started once
 * per instance ({@link ProcessImplementation}, process mode), a command kept running that answers
 * one line per instance ({@link LineImplementation}, line mode), or a JVM implementation called in
 * process ({@code org.ftc.conformance.InProcessImplementation}). {@link Gate}, {@link Judge} and
 * shrinking see only this interface and the {@link Attempt}s it returns (docs/gate.md,
 * "Implementations").
 */
public interface Implementation extends AutoCloseable {
    /**
     * What the implementation produces on {@code instance} within at most {@code timeoutMillis}
     * (an implementation whose limit is fixed when it starts, line mode, keeps that one).
     * {@code attemptId} names this attempt, unique in a run (a case's name; a shrink candidate's
     * is its original's id with {@code ~n}): an implementation that must tell its answers apart
     * sends it as the instance's id. Safe to call from several threads at once.
     */
    Attempt answer(Instance instance, String attemptId, long timeoutMillis);

    /** The form its answers take, which is how a counterexample's vector records them (spec/vectors.md). */
    AnswerForm form();

    /** What to add when the gate stops after repeated timeouts (a hint for this kind of implementation), or empty. */
    default String timeoutHint() {
        return "";
    }

    /** Ends what the implementation keeps running (line mode: its processes). */
    @Override
    default void close() {
    }

    /** The two forms of an answer in the protocol. */
    enum AnswerForm {
        /** An exit status and, for 0, an {@code ftc-network} document on standard output (spec/protocol.md, section 6.1). */
        EXIT_STATUS_AND_DOCUMENT,
        /** One {@code ftc-answer} line (section 6.3). */
        ANSWER_LINE
    }
}
