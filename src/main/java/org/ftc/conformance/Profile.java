package org.ftc.conformance;

import org.ftc.gate.GateInstances;
import org.ftc.instance.Instance;
import org.ftc.prop.Gen;

/** Which generated instances an implementation is judged on (the gate's generators, docs/gate.md "Instances"). */
public enum Profile {
    /**
     * Everything the gate generates: six sample families (collinear, grids, samples 1e-30 apart,
     * magnitudes 1e30 and 1e-30, ...), repeated samples (merged, or infeasible when they conflict),
     * labels equal to f(x), random pre-trained networks of depth 1 or 2. For exact implementations.
     */
    GENERAL,
    /** Moderate numbers and no infeasible instances, for floating-point implementations judged with a tolerance. */
    MODERATE;

    Gen<Instance> instances(int depth, int maxSamples, int maxDimension) {
        return this == GENERAL ? GateInstances.instances(depth, maxSamples, maxDimension) : GateInstances.moderate(depth, maxSamples, maxDimension);
    }
}
