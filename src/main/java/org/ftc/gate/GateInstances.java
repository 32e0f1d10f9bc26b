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

    /**
     * Which instances the gate generates: {@code adversarial} (the default) goes for the corners
     * (magnitudes 1e30 and 1e-30, near-duplicates 1e-30 apart, huge and tiny labels), where only exact
     * arithmetic survives; {@code moderate} keeps samples, weights and labels simple fractions of
     * moderate size (and {@code f} up to depth 3), for floating-point implementations judged with a
     * tolerance.
     */
    public enum Profile {
        MODERATE("moderate"), ADVERSARIAL("adversarial");

        private final String label;

        Profile(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Profile parse(String text) {
            for (Profile p : values()) if (p.label.equals(text)) return p;
            throw new IllegalArgumentException("expected moderate or adversarial, got \"" + text + "\"");
        }
    }

    /** The generator of a profile. */
    public static Gen<Instance> of(Profile profile, int depth, int maxSamples, int maxDimension) {
        return profile == Profile.MODERATE ? moderate(depth, maxSamples, maxDimension) : instances(depth, maxSamples, maxDimension);
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
