package org.ftc.gate;

import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.gen.Networks;
import org.ftc.gen.Numbers;
import org.ftc.gen.Samples;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;

/**
 * The gate's instances: the shared generators ({@link Instances}, {@link Samples},
 * {@link org.ftc.gen.Networks}) with the gate's size limits. They draw from the property engine's
 * choice sequences, so a failing instance shrinks with {@link org.ftc.prop.Shrinker}. Some samples
 * are repeated (merged, or infeasible when their demands conflict), so that the exit status 3 of an
 * implementation is exercised too.
 */
public final class GateInstances {
    private GateInstances() {
    }

    /** Instances of the given depth with {@code 1..maxSamples} samples (repeats included) in dimension {@code 1..maxDimension}. */
    public static Gen<Instance> instances(int depth, int maxSamples, int maxDimension) {
        if (maxSamples < 1 || maxDimension < 1) throw new IllegalArgumentException("maxSamples and maxDimension must be at least 1");
        return Instances.instances(depth, Samples.withRepeats(Samples.sampleSets(maxDimension, maxSamples), maxSamples),
                d -> Networks.networks(d, 1, 2, 3, Numbers.weights(), true)).map(GeneratedInstance::instance);
    }

    /** Like {@link #instances} with moderate numbers ({@link Instances#moderate}), for floating-point implementations and a tolerance. */
    public static Gen<Instance> moderate(int depth, int maxSamples, int maxDimension) {
        if (maxSamples < 1 || maxDimension < 1) throw new IllegalArgumentException("maxSamples and maxDimension must be at least 1");
        return Instances.moderate(depth, maxDimension, maxSamples).map(GeneratedInstance::instance);
    }
}
