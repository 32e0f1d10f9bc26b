package org.ftc.gate;

import java.util.Optional;
import org.ftc.instance.Instance;

/**
 * One judged instance. {@code choices} is the generator's choice sequence when the instance was
 * generated (so it can be shrunk), empty for an instance read from a file.
 */
public record GateCase(String id, Instance instance, Optional<long[]> choices, Verdict verdict, byte[] output,
                       Optional<Shrunk> shrunk) {
    /**
     * The smallest instance found that fails the same way, with the answer and verdict on it;
     * {@code steps} candidates were kept out of {@code tries} judged, in {@code millis}; {@code passes}
     * names the shrink passes that helped.
     */
    public record Shrunk(Instance instance, Verdict verdict, byte[] output, int steps, long millis, int tries, String passes) {
    }

    GateCase withShrunk(Shrunk s) {
        return new GateCase(id, instance, choices, verdict, output, Optional.of(s));
    }
}
