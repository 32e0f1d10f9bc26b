package org.ftc.gate;

import java.util.Objects;
import org.ftc.arith.Rational;
import org.ftc.net.Network;

/**
 * What an {@link Implementation} produced on one instance, in the protocol's terms
 * (spec/protocol.md, section 6.5), however it was run: a network, a claim that the instance is
 * infeasible or unsupported, or no usable answer (the run failed, or what it wrote is not an
 * answer). Each outcome carries the implementation's own words for how it was given ("exit status
 * 3 (infeasible)", "answered status infeasible"), so {@link Judge} phrases every verdict as the
 * implementation spoke without knowing how it was run; {@link Run} is what every verdict reports
 * beside its kind.
 */
public sealed interface Attempt permits Attempt.Answered, Attempt.Infeasible, Attempt.Unsupported, Attempt.Failed {
    Run run();

    /**
     * How the run went: the exit status (-1 when the process was killed, still lives, or there is
     * none), the tail of standard error, the time taken, and what the implementation wrote (its
     * standard output, or its answer line), as the gate keeps it beside a failure. The output is
     * not copied (it can be tens of megabytes, and the gate bounds the heap it holds): whoever
     * makes a {@code Run} hands the array over, and no one writes to it.
     */
    record Run(int exitStatus, String stderrTail, long elapsedMillis, byte[] output) {
        public Run {
            stderrTail = Objects.requireNonNull(stderrTail, "stderrTail");
            Objects.requireNonNull(output, "output");
        }
    }

    /**
     * A network was answered; {@code said} is how ("answered exit status 0"), {@code network} gives
     * it when the judge needs it (after the infeasibility check, under the judge's time bound).
     */
    record Answered(String said, Reading network, Run run) implements Attempt {
    }

    /** The instance was claimed infeasible; {@code said} is how ("exit status 3 (infeasible)"). */
    record Infeasible(String said, Run run) implements Attempt {
    }

    /** No construction for this instance (verdict {@code unsupported}); {@code message} is the verdict's whole message. */
    record Unsupported(String message, Run run) implements Attempt {
    }

    /** No usable answer: {@code kind} is {@code timeout}, {@code bad-output} or {@code crash}, {@code message} says why. */
    record Failed(Verdict.Kind kind, String message, Run run) implements Attempt {
        public Failed {
            if (kind != Verdict.Kind.TIMEOUT && kind != Verdict.Kind.BAD_OUTPUT && kind != Verdict.Kind.CRASH) {
                throw new IllegalArgumentException("a failed attempt is a timeout, a bad output or a crash, not " + kind.label());
            }
        }
    }

    /** The answered network, read on demand. */
    @FunctionalInterface
    interface Reading {
        /** The network; {@link Unreadable} when what was answered is not one. */
        Network<Rational> network() throws Unreadable;
    }

    /** What was answered is not a network; the message is the verdict's ({@code bad-output}) whole message. */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }
}
