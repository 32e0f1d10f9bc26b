package org.ftc.gen;

import java.util.Arrays;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.HardInstances;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;

/**
 * The hard instances of T2L/T3L ({@link HardInstances}) embedded on a line in {@code Q^d}: a fixed
 * one per {@code (N, d)} for tables and exhaustive loops, and random ones (random line, gaps,
 * extra untouched samples at the ends, positive or alternating residuals over a random pre-trained
 * {@code f} of depth 2 or 3) for properties.
 */
public final class Hard {
    private Hard() {
    }

    /** A hard instance with its variant, {@code N} and the line it lies on ({@code x_i = x0 + t_i v}). */
    public record Case(HardInstances.Variant variant, int n, Instance instance, Rational[] t, Rational[] x0, Rational[] v) {
        public Case {
            t = t.clone();
            x0 = x0.clone();
            v = v.clone();
        }

        @Override
        public Rational[] t() {
            return t.clone();
        }

        @Override
        public Rational[] x0() {
            return x0.clone();
        }

        @Override
        public Rational[] v() {
            return v.clone();
        }

        /** The residuals along the line: {@code r_i = y_i - f(x_i)} on changed samples, 0 on untouched ones. */
        public Rational[] residuals() {
            Rational[] r = new Rational[instance.sampleCount()];
            for (int i = 0; i < r.length; i++) {
                Rational y = instance.changes().get(i);
                r[i] = y == null ? Rational.ZERO : y.subtract(instance.pretrained().evaluate(instance.sample(i)));
            }
            return r;
        }

        @Override
        public String toString() {
            return variant + " N=" + n + " t=" + Arrays.toString(t) + " x0=" + Arrays.toString(x0) + " v=" + Arrays.toString(v) + "\n" + instance;
        }
    }

    /**
     * The fixed {@code THREE_N} instance with {@code f = 0}: samples {@code x_i = x0 + i v},
     * {@code i = 0..4N}, with {@code x0_j = -j / (1 + j mod 3)}, {@code v_j = (j + 1) / (1 + j mod 3)}
     * (so {@code x_i = i} in {@code d = 1}), and residual {@code 1 + (c mod 3)} on changed sample
     * {@code c}. Its id is {@code hard-N}.
     */
    public static Instance fixed(int n, int d, int depth) {
        if (d < 1) throw new IllegalArgumentException("d must be at least 1, got " + d);
        HardInstances.Variant variant = HardInstances.Variant.THREE_N;
        boolean[] changed = HardInstances.pattern(n, variant, 0, 0);
        Rational[] t = new Rational[changed.length];
        for (int i = 0; i < t.length; i++) t[i] = Rational.of(i);
        Rational[] x0 = new Rational[d], v = new Rational[d];
        for (int j = 0; j < d; j++) {
            x0[j] = Rational.of(-j, 1 + j % 3);
            v[j] = Rational.of(j + 1, 1 + j % 3);
        }
        Rational[] residuals = new Rational[n];
        for (int c = 0; c < n; c++) residuals[c] = Rational.of(1 + c % 3);
        Network<Rational> zero = Network.zero(RationalField.INSTANCE, d, 2);
        return HardInstances.onLine(variant, changed, t, x0, v, zero, residuals, depth).withId("hard-" + n);
    }

    /** Random hard instances of {@code variant} asking for {@code depth}: {@code N} in 1..5, {@code d} in 1..4. */
    public static Gen<Case> cases(HardInstances.Variant variant, int depth) {
        return cases(variant, depth, 5);
    }

    /** Random hard instances with {@code N} in {@code 1..maxN}. */
    public static Gen<Case> cases(HardInstances.Variant variant, int depth, int maxN) {
        if (maxN < 1) throw new IllegalArgumentException("maxN must be at least 1, got " + maxN);
        Gen<Rational> gap = Numbers.smallGaps();
        return s -> {
            int n = Gens.ints(1, maxN).generate(s);
            int d = Gens.ints(1, 4).generate(s);
            int extraLeft = Gens.ints(0, 2).generate(s), extraRight = Gens.ints(0, 2).generate(s);
            boolean[] changed = HardInstances.pattern(n, variant, extraLeft, extraRight);
            Rational[] t = OneDimensional.increasing(changed.length).generate(s);
            Rational[] x0 = Samples.points(d, Numbers.smallFractions()).generate(s);
            Rational[] v = Lines.directions(d).generate(s);
            Network<Rational> f = Networks.smallWeights(d, Gens.ints(2, 3).generate(s), 4).generate(s);
            Rational[] residuals = new Rational[n];
            for (int c = 0; c < n; c++) residuals[c] = gap.generate(s).multiply(Rational.of(variant.residualSign(c)));
            Instance instance = HardInstances.onLine(variant, changed, t, x0, v, f, residuals, depth);
            return new Case(variant, n, instance, t, x0, v);
        };
    }
}
