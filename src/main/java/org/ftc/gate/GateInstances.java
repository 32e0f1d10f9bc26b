package org.ftc.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Source;

/**
 * The gate's instance generator, on the property engine's choice sequences so that a failing
 * instance can be shrunk with {@link org.ftc.prop.Shrinker}. Private to the gate until the shared
 * generators ({@code org.ftc.gen}) land on main.
 *
 * <p>Each sample is one span holding its coordinates, whether it is changed and its label, so the
 * shrinker deletes a sample together with its change. Small choices give simple values: all-zero
 * choices give {@code d = 1}, one sample at 0, nothing changed and {@code f = 0}. Random runs give
 * small fractions (denominators up to 4), repeated samples now and then (merged, or infeasible when
 * their demands conflict), changes whose label equals {@code f(x)} (nothing to do), and a
 * pre-trained network that is zero, affine, or 2-layer of width up to 3.
 */
public final class GateInstances {
    private GateInstances() {
    }

    /** Instances of the given depth with {@code 1..maxSamples} samples in dimension {@code 1..maxDimension}. */
    public static Gen<Instance> instances(int depth, int maxSamples, int maxDimension) {
        if (maxSamples < 1 || maxDimension < 1) throw new IllegalArgumentException("maxSamples and maxDimension must be at least 1");
        return s -> {
            int d = 1 + (int) s.choice(maxDimension - 1);
            s.startSpan();
            Network<Rational> f = pretrained(s, d, maxDimension);
            s.endSpan();
            List<Rational[]> samples = new ArrayList<>();
            Map<Integer, Rational> changes = new TreeMap<>();
            while (samples.isEmpty() || (samples.size() < maxSamples && s.weighted(1 - 1.0 / Math.min(maxSamples, 12)))) {
                s.startSpan();
                Rational[] x;
                if (!samples.isEmpty() && s.weighted(0.08)) {
                    x = samples.get((int) s.choice(samples.size() - 1)).clone();
                } else {
                    // Every sample draws maxDimension coordinates and uses the first d, so that
                    // lowering d while shrinking keeps the other choices where they were.
                    x = new Rational[d];
                    for (int j = 0; j < maxDimension; j++) {
                        Rational c = small(s, 12, 4);
                        if (j < d) x[j] = c;
                    }
                }
                int i = samples.size();
                samples.add(x);
                if (s.weighted(0.45)) {
                    changes.put(i, s.weighted(0.1) ? f.evaluate(x) : small(s, 20, 4));
                }
                s.endSpan();
            }
            return new Instance("", d, samples.toArray(new Rational[0][]), f, changes, depth);
        };
    }

    /** {@code ±n/q} with {@code n <= maxNumerator}, {@code q <= maxDenominator}; choice 0 is 0. */
    static Rational small(Source s, int maxNumerator, int maxDenominator) {
        long n = s.choice(maxNumerator);
        long q = 1 + s.choice(maxDenominator - 1);
        boolean negative = s.bool();
        Rational r = Rational.of(n, q);
        return negative ? r.negate() : r;
    }

    /**
     * Zero, affine, or 2-layer of width 1..3. All parameters of the largest shape are always drawn
     * (and the unused ones ignored) for the same reason as the coordinates: a simpler {@code f}
     * must not shift the choices of the samples.
     */
    private static Network<Rational> pretrained(Source s, int d, int maxDimension) {
        RationalField q = RationalField.INSTANCE;
        int kind = (int) s.choice(2);
        int m = 1 + (int) s.choice(2);
        Layer<Rational> first = affine(s, d, m, maxDimension, 3);
        Layer<Rational> second = affine(s, m, 1, 3, 1);
        if (kind == 0) return Network.zero(q, d, 2);
        if (kind == 1) return new Network<>(q, d, List.of(new Layer<>(q, d, new Rational[][] {first.row(0)}, new Rational[] {first.bias(0)})));
        return new Network<>(q, d, List.of(first, second));
    }

    private static Layer<Rational> affine(Source s, int inputs, int outputs, int maxInputs, int maxOutputs) {
        Rational[][] w = new Rational[outputs][inputs];
        Rational[] b = new Rational[outputs];
        for (int i = 0; i < maxOutputs; i++) {
            for (int j = 0; j < maxInputs; j++) {
                Rational c = small(s, 4, 2);
                if (i < outputs && j < inputs) w[i][j] = c;
            }
            Rational c = small(s, 4, 2);
            if (i < outputs) b[i] = c;
        }
        return new Layer<>(RationalField.INSTANCE, inputs, w, b);
    }
}
