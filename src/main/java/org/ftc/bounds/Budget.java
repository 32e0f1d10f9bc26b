package org.ftc.bounds;

/**
 * Neuron budgets (THEORY section 2). Upper budgets are what the constructions guarantee; lower
 * budgets are what the hard instances force.
 */
public final class Budget {
    private Budget() {
    }

    /** {@code B2(N) = 3N}: T2U's guarantee, and by T2L exact when {@code K >= 4N + 1}. */
    public static long twoLayerUpper(long n) {
        requireNonNegative(n);
        return Math.multiplyExact(3L, n);
    }

    /** {@code B3(N) = min over M >= 1 of (2M - 1 + 4 ceil(N/M))}, and {@code B3(0) = 0}. */
    public static long threeLayerUpper(long n) {
        requireNonNegative(n);
        if (n == 0) return 0;
        long best = Long.MAX_VALUE;
        for (long m = 1; m <= n; m++) {
            long total = 2 * m - 1 + 4 * ceilDiv(n, m);
            if (total < best) best = total;
            if (2 * m - 1 > best) break; // the first term alone already exceeds the best total
        }
        return best;
    }

    /** The {@code M} that attains {@link #threeLayerUpper} (the smallest such). */
    public static long threeLayerBestM(long n) {
        requireNonNegative(n);
        if (n == 0) return 0;
        long best = Long.MAX_VALUE, arg = 1;
        for (long m = 1; m <= n; m++) {
            long total = 2 * m - 1 + 4 * ceilDiv(n, m);
            if (total < best) {
                best = total;
                arg = m;
            }
            if (2 * m - 1 > best) break;
        }
        return arg;
    }

    /** T3L: the least {@code m} with {@code m + floor(m/2) ceil(m/2) >= 3N}, a lower bound for 3 layers. */
    public static long threeLayerLower(long n) {
        requireNonNegative(n);
        long target = Math.multiplyExact(3L, n);
        long m = 0;
        while (m + (m / 2) * ((m + 1) / 2) < target) m++;
        return m;
    }

    /** T2L: {@code 3N} neurons are needed in 2 layers on the hard instance. */
    public static long twoLayerLower(long n) {
        return twoLayerUpper(n);
    }

    /** LR3: the most breakpoints a 3-layer net with widths {@code m1, m2} has on a line. */
    public static long threeLayerBreakpoints(long m1, long m2) {
        return m1 + m2 * (m1 + 1);
    }

    /** LRL: {@code B_1 = m_1}, {@code B_l = B_{l-1} + m_l (B_{l-1} + 1)}. */
    public static long breakpointBound(int... widths) {
        if (widths.length == 0) return 0;
        long b = widths[0];
        for (int l = 1; l < widths.length; l++) b = Math.addExact(b, Math.multiplyExact(widths[l], b + 1));
        return b;
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static void requireNonNegative(long n) {
        if (n < 0) throw new IllegalArgumentException("N must be non-negative, got " + n);
    }
}
