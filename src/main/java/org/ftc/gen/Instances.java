package org.ftc.gen;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.net.BatchEvaluation;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Source;

/**
 * Whole fine-tuning instances: a sample set ({@link Samples}), a pre-trained network
 * ({@link Networks}) and label changes. {@code N} ranges from 0 to {@code K}: a random subset, none,
 * or all of them (memorization); a label is an ordinary, huge or tiny rational, or equal to
 * {@code f(x)} (a change that needs nothing), or {@code f(x) + w . x + c} (residuals affine in the
 * sample, which makes consecutive knots collinear).
 */
public final class Instances {
    private Instances() {
    }

    /** Instances with distinct samples asking for depth {@code depth}. */
    public static Gen<GeneratedInstance> instances(int depth) {
        return instances(depth, Samples.sampleSets());
    }

    public static Gen<GeneratedInstance> instances(int depth, int maxDimension, int maxK) {
        return instances(depth, Samples.sampleSets(maxDimension, maxK));
    }

    /** Instances built on the given sample sets. */
    public static Gen<GeneratedInstance> instances(int depth, Gen<SampleSet> sampleSets) {
        return instances(depth, sampleSets, Networks::pretrained);
    }

    /** Instances built on the given sample sets with pre-trained networks from {@code pretrained} (given the dimension). */
    public static Gen<GeneratedInstance> instances(int depth, Gen<SampleSet> sampleSets, IntFunction<Gen<Network<Rational>>> pretrained) {
        return sampleSets.flatMap(set -> pretrained.apply(set.dimension()).flatMap(f -> changes(set, f, depth)));
    }

    /**
     * Instances whose numbers stay moderate, for implementations in floating point judged with a
     * tolerance: {@link Samples#moderate} samples, {@code f} of depth 1 to 3 and width up to 4 with
     * simple fractional weights, simple fractional labels.
     */
    public static Gen<GeneratedInstance> moderate(int depth, int maxDimension, int maxK) {
        Gen<Rational> simple = Numbers.simpleFractions();
        return Samples.moderate(maxDimension, maxK).flatMap(set ->
                Networks.networks(set.dimension(), 1, 3, 4, simple, true).flatMap(f -> changes(set, f, depth, simple)));
    }

    /** Label changes for fixed samples and {@code f}. */
    public static Gen<GeneratedInstance> changes(SampleSet set, Network<Rational> f, int depth) {
        return changes(set, f, depth, Numbers.labels());
    }

    /** Label changes for fixed samples and {@code f}, new labels from {@code labels}. */
    public static Gen<GeneratedInstance> changes(SampleSet set, Network<Rational> f, int depth, Gen<Rational> labels) {
        return s -> {
            Rational[][] x = set.points();
            int k = x.length;
            // 0: random subset (simplest: none chosen), 1: none, 2: all, 3: random subset,
            // 4: every sample changed, residuals an affine function w . x + c of the sample, so that
            // on a line consecutive knots are collinear (the z term of T2U's count).
            int mode = (int) s.choice(4);
            Map<Integer, Rational> changes = new TreeMap<>();
            Rational[] fx = null;
            Rational[] w = null;
            Rational c = Rational.ZERO;
            if (mode == 4) {
                w = new Rational[set.dimension()];
                for (int j = 0; j < w.length; j++) w[j] = Rational.of(s.choice(6) - 3);
                c = Rational.of(s.choice(6) - 3);
                fx = BatchEvaluation.evaluate(f, x);
            }
            for (int i = 0; i < k; i++) {
                boolean changed = mode == 2 || mode == 4 || ((mode == 0 || mode == 3) && s.bool());
                if (!changed) continue;
                s.startSpan();
                if (mode == 4) {
                    Rational r = c;
                    for (int j = 0; j < w.length; j++) r = r.add(w[j].multiply(x[i][j]));
                    changes.put(i, fx[i].add(r));
                } else if (s.choice(9) == 9) {
                    if (fx == null) fx = BatchEvaluation.evaluate(f, x);
                    changes.put(i, fx[i]); // a change to the value f already has
                } else {
                    changes.put(i, labels.generate(s));
                }
                s.endSpan();
            }
            Instance instance = new Instance("", set.dimension(), x, f, changes, depth);
            return new GeneratedInstance(instance, set.family());
        };
    }

    /** Labels describing an instance's regime, for coverage statistics. */
    public static List<String> regimes(Instance instance) {
        int n = instance.changeCount(), k = instance.sampleCount();
        String size = n == 0 ? "N = 0" : n == k ? "N = K" : "0 < N < K";
        return List.of(size, "depth(f) = " + instance.pretrained().depth());
    }

    /** The choice-sequence friendly generator of a single small 1-D instance, handy in meta-tests. */
    public static Gen<GeneratedInstance> oneDimensional(int depth, int maxK) {
        return Gens.ints(1, maxK).flatMap(k -> (Source s) -> Samples.random(1, k).generate(s))
                .flatMap(set -> changes(set, Network.zero(org.ftc.arith.RationalField.INSTANCE, 1, 2), depth));
    }
}
