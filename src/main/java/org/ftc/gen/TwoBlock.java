package org.ftc.gen;

import java.util.HashMap;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.HardInstances;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;

/**
 * Two-block instances (T3S): the T2L pattern {@code u u c (u u u c)^{N-1} u u} on a line
 * {@code x0 + t v} with the first {@code n} residuals positive and the other {@code N - n}
 * negative, over a pre-trained {@code f}. See proofs-notes/T3S-signed-crossing.md.
 */
public final class TwoBlock {
    private TwoBlock() {
    }

    /** An instance with its {@code N}, split {@code n} and line; sample {@code i} is {@code x0 + t_i v}. */
    public record Case(int bigN, int n, Instance instance, Rational[] t, Rational[] x0, Rational[] v, boolean[] changed) {
        /** Position along the line of changed sample {@code c} (0-based, in order). */
        public Rational changedAt(int c) {
            int seen = 0;
            for (int i = 0; i < changed.length; i++) if (changed[i] && seen++ == c) return t[i];
            throw new IllegalArgumentException("no changed sample " + c);
        }

        @Override
        public String toString() {
            return "two-block N=" + bigN + " n=" + n + " " + instance;
        }
    }

    /** The fixed instance: {@code d = 1}, {@code t_i = i}, {@code f = 0}, residuals {@code +1} then {@code -1}. */
    public static Case fixed(int bigN, int n, int depth) {
        boolean[] changed = HardInstances.pattern(bigN, HardInstances.Variant.THREE_N, 0, 0);
        Rational[] t = new Rational[changed.length];
        for (int i = 0; i < t.length; i++) t[i] = Rational.of(i);
        Rational[] residuals = new Rational[bigN];
        for (int c = 0; c < bigN; c++) residuals[c] = Rational.of(c < n ? 1 : -1);
        return build(bigN, n, changed, t, new Rational[] {Rational.ZERO}, new Rational[] {Rational.ONE},
                Network.zero(RationalField.INSTANCE, 1, 2), residuals, depth);
    }

    /** Random two-block instances: {@code N} in 1..maxN, any split, {@code d} in 1..3, random line, gaps, f and magnitudes. */
    public static Gen<Case> cases(int depth, int maxN) {
        Gen<Rational> magnitude = Numbers.smallGaps();
        return s -> {
            int bigN = Gens.ints(1, maxN).generate(s);
            int n = Gens.ints(0, bigN).generate(s);
            int d = Gens.ints(1, 3).generate(s);
            boolean[] changed = HardInstances.pattern(bigN, HardInstances.Variant.THREE_N, Gens.ints(0, 2).generate(s), Gens.ints(0, 2).generate(s));
            Rational[] t = OneDimensional.increasing(changed.length).generate(s);
            Rational[] x0 = Samples.points(d, Numbers.smallFractions()).generate(s);
            Rational[] v = Lines.directions(d).generate(s);
            Network<Rational> f = Networks.smallWeights(d, Gens.ints(2, 3).generate(s), 3).generate(s);
            Rational[] residuals = new Rational[bigN];
            for (int c = 0; c < bigN; c++) residuals[c] = magnitude.generate(s).multiply(Rational.of(c < n ? 1 : -1));
            return build(bigN, n, changed, t, x0, v, f, residuals, depth);
        };
    }

    private static Case build(int bigN, int n, boolean[] changed, Rational[] t, Rational[] x0, Rational[] v, Network<Rational> f,
                              Rational[] residuals, int depth) {
        int k = changed.length, d = x0.length;
        Rational[][] samples = new Rational[k][d];
        for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) samples[i][j] = x0[j].add(t[i].multiply(v[j]));
        Map<Integer, Rational> changes = new HashMap<>();
        int c = 0;
        for (int i = 0; i < k; i++) if (changed[i]) changes.put(i, f.evaluate(samples[i]).add(residuals[c++]));
        Instance instance = new Instance("two-block-" + bigN + "-" + n, d, samples, f, changes, depth);
        return new Case(bigN, n, instance, t, x0, v, changed);
    }
}
