package org.ftc.gate;

import java.util.Optional;
import org.ftc.instance.Instance;

/**
 * One judged instance. {@code name} is unique in the run and safe as a file name (the case's files
 * are named after it); {@code file} is where the instance was read from, if it was; {@code choices}
 * is the generator's choice sequence when the instance was generated (so it can be shrunk), empty
 * for an instance read from a file.
 */
public record GateCase(String name, Optional<java.nio.file.Path> file, Instance instance, Optional<long[]> choices, Verdict verdict, byte[] output,
                       Optional<Shrunk> shrunk) {
    /** The instance's own id (not unique: files made by a script often share one). */
    public String id() {
        return instance.id();
    }

    /**
     * The smallest instance found that fails the same way, with the answer and verdict on it;
     * {@code steps} candidates were kept out of {@code tries} judged, in {@code millis}; {@code passes}
     * names the shrink passes that helped.
     */
    public record Shrunk(Instance instance, Verdict verdict, byte[] output, int steps, long millis, int tries, String passes) {
    }

    GateCase withShrunk(Shrunk s) {
        return new GateCase(name, file, instance, choices, verdict, output, Optional.of(s));
    }

    /** How much of a failing case's output the gate keeps in memory once its files are written. */
    static final int RETAINED_OUTPUT_BYTES = VectorWriter.MAX_OUTPUT_BYTES;

    /**
     * The case as the run keeps it after it was decided and its files written: a passing case
     * without its output (nothing needs it again), a failing one with at most
     * {@link #RETAINED_OUTPUT_BYTES} of it (its full output is in {@code cases/<name>/output.txt}).
     * Otherwise a run over many big answers would hold all of them to its end.
     */
    GateCase retained() {
        if (verdict.passed()) return output.length == 0 ? this : new GateCase(name, file, instance, choices, verdict, new byte[0], shrunk);
        if (output.length <= RETAINED_OUTPUT_BYTES) return this;
        return new GateCase(name, file, instance, choices, verdict, java.util.Arrays.copyOf(output, RETAINED_OUTPUT_BYTES), shrunk);
    }
}
