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

    /**
     * Label changes for fixed samples and {@code f}, new labels from {@code labels}.
     *
     * <p>A random subset is drawn as a list of changes, each in its own span: "one more?", the
     * index of the changed sample, its label. Random runs change each sample with probability 1/2
     * (indices increase by geometric gaps). For the shrinker, deleting a span drops one change and
     * leaves the others as they were, and lowering an index moves a change to an earlier sample,
     * so a change on the last sample can move to the first and the samples after it can go. (With
     * a flag per sample, drawn after all the samples, no sample before a changed one could be
     * deleted: the flags would shift.) An index drawn twice in a replay keeps its last label.
     */
    public static Gen<GeneratedInstance> changes(SampleSet set, Network<Rational> f, int depth, Gen<Rational> labels) {
        return s -> {
            Rational[][] x = set.points();
            int k = x.length;
            // 0: random subset (simplest: none chosen), 1: none, 2: all, 3: random subset,
            // 4: every sample changed, residuals an affine function w . x + c of the sample, so that
            // on a line consecutive knots are collinear (the z term of T2U's count).
            int mode = (int) s.choice(4);
            Map<Integer, Rational> changes = new TreeMap<>();
            FAtSamples fx = new FAtSamples(f, x);
            if (mode == 4) {
                Rational[] w = new Rational[set.dimension()];
                for (int j = 0; j < w.length; j++) w[j] = Rational.of(s.choice(6) - 3);
                Rational c = Rational.of(s.choice(6) - 3);
                for (int i = 0; i < k; i++) {
                    Rational r = c;
                    for (int j = 0; j < w.length; j++) r = r.add(w[j].multiply(x[i][j]));
                    changes.put(i, fx.at(i).add(r));
                }
            } else if (mode == 2) {
                for (int i = 0; i < k; i++) changes.put(i, label(s, i, fx, labels));
            } else if (mode == 0 || mode == 3) {
                int drawn = 0;
                int next = 0; // random runs: the first sample after the last change
                while (drawn < k) {
                    s.startSpan();
                    int gap = 0;
                    while (s.hint(1) == 1) gap++; // random runs only: geometric, so each sample is changed with probability 1/2
                    if (s.forced(1, next + gap < k ? 1 : 0) == 0) {
                        s.endSpan();
                        break;
                    }
                    int i = (int) s.forced(k - 1, next + gap);
                    changes.put(i, label(s, i, fx, labels));
                    s.endSpan();
                    next = i + 1;
                    drawn++;
                }
                Gens.closeList(s, drawn, 0, k);
            }
            Instance instance = new Instance("", set.dimension(), x, f, changes, depth);
            return new GeneratedInstance(instance, set.family());
        };
    }

    /** A new label for sample {@code i}, in its own span: usually from {@code labels}, a ninth of the time {@code f(x_i)} itself (a change that needs nothing). */
    private static Rational label(Source s, int i, FAtSamples fx, Gen<Rational> labels) {
        s.startSpan();
        Rational label;
        if (s.choice(9) == 9) {
            label = fx.at(i);
        } else {
            label = labels.generate(s);
        }
        s.endSpan();
        return label;
    }

    /** {@code f} at every sample, evaluated once, on first use (most label changes never need it). */
    private static final class FAtSamples {
        private final Network<Rational> f;
        private final Rational[][] x;
        private Rational[] values;

        FAtSamples(Network<Rational> f, Rational[][] x) {
            this.f = f;
            this.x = x;
        }

        Rational at(int i) {
            if (values == null) values = BatchEvaluation.evaluate(f, x);
            return values[i];
        }
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
