package org.ftc.bounds;

import java.util.HashMap;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * The hard instances of T2L/T3L (proofs-notes/T2L-two-layer-lower.md): on a line {@code x0 + t v}, samples with the
 * pattern {@code u u c (u u u c)^{N-1} u u} ({@code K = 4N + 1}, plus optional untouched samples at
 * either end), every changed sample given a positive residual over a pre-trained {@code f}. Any
 * interpolant of the residuals along the line has at least {@code 3N} breakpoints. The variant
 * {@code u u c (u c)^{N-1} u u} needs only {@code 2N + 1}.
 */
public final class HardInstances {
    private HardInstances() {
    }

    /** Which pattern: three untouched samples between changed ones, or one. */
    public enum Variant {
        /** {@code u u c (u u u c)^{N-1} u u}: {@code 3N} breakpoints. */
        THREE_N(3),
        /** {@code u u c (u c)^{N-1} u u}: {@code 2N + 1} breakpoints. */
        TWO_N_PLUS_ONE(1),
        /**
         * {@code u u c (u u c)^{N-1} u u} with residual signs alternating {@code +, -, +, ...}:
         * {@code 3N} breakpoints already at {@code K = 3N + 2} (found by the MB worst-case table;
         * proofs-notes/T2L-two-layer-lower.md).
         */
        ALTERNATING(2);

        private final int gap;

        Variant(int gap) {
            this.gap = gap;
        }

        /** Untouched samples between consecutive changed ones. */
        public int gap() {
            return gap;
        }

        /** The breakpoints every interpolant of this pattern (positive residuals) needs. */
        public long requiredBreakpoints(int n) {
            return this == TWO_N_PLUS_ONE ? 2L * n + 1 : 3L * n;
        }

        /** The sign the residual of changed sample {@code c} (0-based) must have. */
        public int residualSign(int c) {
            return this == ALTERNATING && c % 2 == 1 ? -1 : 1;
        }
    }

    /** The changed mask of the pattern, with {@code extraLeft}/{@code extraRight} more untouched samples at the ends. */
    public static boolean[] pattern(int n, Variant variant, int extraLeft, int extraRight) {
        if (n < 1) throw new IllegalArgumentException("N must be at least 1, got " + n);
        if (extraLeft < 0 || extraRight < 0) throw new IllegalArgumentException("extra samples must be non-negative");
        int k = extraLeft + 2 + n + (n - 1) * variant.gap() + 2 + extraRight;
        boolean[] changed = new boolean[k];
        int pos = extraLeft + 2;
        for (int c = 0; c < n; c++) {
            changed[pos] = true;
            pos += variant.gap() + 1;
        }
        return changed;
    }

    /**
     * The instance: sample {@code i} is {@code x0 + t_i v}; changed samples get label
     * {@code f(x_i) + r_c} with the given residuals (one per changed sample, in order), whose signs
     * must be those the variant asks for.
     */
    public static Instance onLine(Variant variant, boolean[] changed, Rational[] t, Rational[] x0, Rational[] v, Network<Rational> f,
                                  Rational[] residuals, int depth) {
        int k = changed.length, d = x0.length;
        if (t.length != k) throw new IllegalArgumentException(k + " pattern positions but " + t.length + " line parameters");
        if (v.length != d || f.inputDimension() != d) throw new IllegalArgumentException("line and network dimensions differ");
        boolean nonzero = false;
        for (Rational c : v) nonzero |= !c.isZero();
        if (!nonzero) throw new IllegalArgumentException("the line's direction v must be nonzero");
        for (int i = 1; i < k; i++) {
            if (t[i - 1].compareTo(t[i]) >= 0) throw new IllegalArgumentException("line parameters must increase strictly at " + i);
        }
        Rational[][] samples = new Rational[k][d];
        for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) samples[i][j] = x0[j].add(t[i].multiply(v[j]));
        Map<Integer, Rational> changes = new HashMap<>();
        int c = 0;
        for (int i = 0; i < k; i++) {
            if (!changed[i]) continue;
            if (c >= residuals.length) throw new IllegalArgumentException("fewer residuals than changed samples");
            Rational r = residuals[c++];
            if (r.signum() != variant.residualSign(c - 1)) {
                throw new IllegalArgumentException("residual " + (c - 1) + " must have sign " + variant.residualSign(c - 1) + ", got " + r);
            }
            changes.put(i, f.evaluate(samples[i]).add(r));
        }
        if (c != residuals.length) throw new IllegalArgumentException("more residuals than changed samples");
        return new Instance("hard", d, samples, f, changes, depth);
    }
}
