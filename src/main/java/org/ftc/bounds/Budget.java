package org.ftc.bounds;

/**
 * Neuron budgets (spec/mathematics.md). Upper budgets are what the constructions guarantee; lower
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
        long[] w = new long[widths.length];
        for (int l = 0; l < widths.length; l++) w[l] = widths[l];
        return breakpointBound(w);
    }

    /**
     * The widths of {@code hiddenLayers} hidden layers with {@code m} neurons in all that maximize
     * the LRL bound. Since {@code B_l + 1 = (m_l + 1)(B_{l-1} + 1)}, the bound is
     * {@code prod (m_l + 1) - 1}; with the sum fixed, an integer product is largest when the factors
     * differ by at most one (moving a unit from a larger factor to a smaller one never lowers it), so
     * the widths are {@code floor(m/h)} or {@code ceil(m/h)}, the larger ones first. See
     * proofs-notes/LRL-depth-breakpoints.md.
     */
    public static int[] balancedWidths(int hiddenLayers, long m) {
        if (hiddenLayers < 1) throw new IllegalArgumentException("need at least one hidden layer, got " + hiddenLayers);
        if (m < 0) throw new IllegalArgumentException("neuron count must be non-negative, got " + m);
        int[] w = new int[hiddenLayers];
        long base = m / hiddenLayers, extra = m % hiddenLayers;
        for (int l = 0; l < hiddenLayers; l++) w[l] = Math.toIntExact(base + (l < extra ? 1 : 0));
        return w;
    }

    /** The largest LRL bound over all width vectors of {@code depth - 1} hidden layers with {@code m} neurons. */
    public static long maxBreakpoints(int depth, long m) {
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2 to have hidden units, got " + depth);
        return breakpointBound(balancedWidths(depth - 1, m));
    }

    /**
     * Depth-{@code L} lower bound from LRL: the least total neuron count {@code m} such that some
     * widths with {@code m} neurons in {@code depth - 1} hidden layers reach {@code B_L >= required}.
     * A network with fewer neurons has fewer than {@code required} breakpoints on every line, so it
     * cannot fine-tune an instance whose residuals along a line need {@code required} (MB).
     * For depth 2 this is {@code required}; for depth 3 it is T3L's {@code m + floor(m/2) ceil(m/2)}.
     */
    public static long depthLower(int depth, long required) {
        if (required < 0) throw new IllegalArgumentException("required breakpoints must be non-negative, got " + required);
        long m = 0;
        while (maxBreakpoints(depth, m) < required) m++;
        return m;
    }

    /** The depth-{@code L} lower bound on the hard instance of size {@code N} ({@code 3N} breakpoints needed). */
    public static long depthLowerOnHardInstance(int depth, long n) {
        requireNonNegative(n);
        return depthLower(depth, Math.multiplyExact(3L, n));
    }

    /** {@code B_1 = m_1}, {@code B_l = B_{l-1} + m_l (B_{l-1} + 1)}, with overflow checked. */
    public static long breakpointBound(long... widths) {
        for (long w : widths) if (w < 0) throw new IllegalArgumentException("widths must be non-negative, got " + w);
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
