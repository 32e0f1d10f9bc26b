package org.ftc.bounds;

import org.ftc.arith.Rational;

/**
 * 1-D instances attaining {@code FTC_2(N, K)} ({@link TwoLayerCapacity}): samples at
 * {@code p_i = i}, residual 0 on untouched samples and {@code ±1} on changed ones. See
 * proofs-notes/FTC2-exact-table.md.
 * <ul>
 *   <li>{@code K <= 2N + 1}: a zigzag: odd positions {@code +1}, even positions {@code 0} for the
 *       first {@code K - N} of them and {@code -1} after (MB {@code = K - 2}; width {@code K - 1} for
 *       {@code K <= 4} by O2);</li>
 *   <li>{@code 2N + 1 < K <= 3N + 2}: from {@code u c u c ... c u} (positive), turn the first
 *       {@code K - 2N - 1} of the slots (left end, right end, then the gaps from the left) from one
 *       untouched sample into two; the residual sign flips across every doubled gap (MB {@code = K - 2});</li>
 *   <li>{@code K > 3N + 2}: the alternating T2L pattern {@code u u c (u u c)^{N-1} u u} with more
 *       untouched samples at the right end (MB {@code = 3N}).</li>
 * </ul>
 */
public final class WorstCaseFamilies {
    private WorstCaseFamilies() {
    }

    /** The residual pattern: one entry per sample, {@code 0}, {@code 1} or {@code -1}. */
    public static int[] pattern(int n, int k) {
        if (n < 1 || k < n) throw new IllegalArgumentException("need 1 <= N <= K, got N = " + n + ", K = " + k);
        int[] r = new int[k];
        if (k <= 2 * n + 1) {
            int zeros = k - n, evenSeen = 0;
            for (int i = 0; i < k; i++) {
                if (i % 2 == 1) r[i] = 1;
                else r[i] = evenSeen++ < zeros ? 0 : -1;
            }
            return r;
        }
        int doubled = Math.min(k - (2 * n + 1), n + 1); // slots: 2 ends and N - 1 gaps
        boolean leftEnd = doubled >= 1, rightEnd = doubled >= 2;
        int gapsDoubled = Math.max(0, doubled - 2);
        int pos = leftEnd ? 2 : 1, sign = 1;
        for (int c = 0; c < n; c++) {
            r[pos] = sign;
            if (c + 1 < n) {
                boolean doubleGap = c < gapsDoubled;
                pos += doubleGap ? 3 : 2;
                if (doubleGap) sign = -sign;
            }
        }
        // the rest (right end and any extra samples) stays untouched
        return r;
    }

    /** The pattern as data: positions {@code 0..K-1}, values the residuals. */
    public static Rational[][] data(int n, int k) {
        int[] r = pattern(n, k);
        Rational[] p = new Rational[k], v = new Rational[k];
        for (int i = 0; i < k; i++) {
            p[i] = Rational.of(i);
            v[i] = Rational.of(r[i]);
        }
        return new Rational[][] {p, v};
    }

    /** {@code u}, {@code +}, {@code -} per sample. */
    public static String describe(int[] pattern) {
        StringBuilder s = new StringBuilder();
        for (int x : pattern) s.append(x == 0 ? 'u' : x > 0 ? '+' : '-');
        return s.toString();
    }
}
