package org.ftc.bounds;

/**
 * F2: the exact 2-layer fine-tuning capacity {@code FTC_2(N, K, d)} for every {@code N, K, d}
 * (it does not depend on {@code d}). See proofs-notes/FTC2-exact-table.md.
 * <ul>
 *   <li>{@code K >= 5}: {@code min(3N, K - 2)};</li>
 *   <li>{@code K = 2, 3}: {@code K - 1}; {@code K = 4}: 3 when {@code N >= 2}, and
 *       {@code FTC_2(1, 4) = 2};</li>
 *   <li>{@code K = 1}: 0 (one sample: the output bias alone); {@code N = 0}: 0.</li>
 * </ul>
 * Upper side: T2U and the few-sample constructions ({@code construct.TwoLayerExact}); lower side:
 * MB and the width oracle O2 on the worst-case families ({@link WorstCaseFamilies}).
 */
public final class TwoLayerCapacity {
    private TwoLayerCapacity() {
    }

    public static long exact(long n, long k) {
        if (n < 0 || k < 1 || n > k) throw new IllegalArgumentException("need 0 <= N <= K and K >= 1, got N = " + n + ", K = " + k);
        if (n == 0) return 0;
        if (k >= 5) return Math.min(Math.multiplyExact(3L, n), k - 2);
        if (k == 4) return n >= 2 ? 3 : 2;
        return k - 1;
    }

    /** The smallest {@code K} from which {@code FTC_2(N, K) = 3N}: {@code 3N + 2} (for {@code N >= 1}). */
    public static long saturation(long n) {
        if (n < 1) throw new IllegalArgumentException("N must be at least 1, got " + n);
        return Math.addExact(Math.multiplyExact(3L, n), 2L);
    }
}
