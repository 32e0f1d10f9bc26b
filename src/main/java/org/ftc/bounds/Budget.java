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

    /**
     * T3C's bound for one sign: {@code G(n) = min over T >= 1 of (floor(n/T) + 3T)}, {@code G(0) = 0}.
     * Greedy groups with at most {@code T+} positive and {@code T-} negative residuals number at most
     * {@code floor(N+/T+) + floor(N-/T-) + 1}, so T3C uses at most {@code G(N+) + G(N-) + 1} neurons
     * (proofs-notes/T3C-chained-triples.md).
     */
    public static long threeLayerCutsPerSign(long n) {
        requireNonNegative(n);
        if (n == 0) return 0;
        long best = Long.MAX_VALUE;
        for (long t = 1; 3 * t < best; t++) best = Math.min(best, n / t + 3 * t);
        return best;
    }

    /**
     * The guaranteed T3C budget as a function of {@code N} alone: the largest
     * {@code G(N+) + G(N-) + 1} over {@code N+ + N- = N} ({@code G} is non-decreasing, so fewer active
     * residuals never need more), and 0 for {@code N = 0}. At most {@code 2 sqrt(3N+) + 2 sqrt(3N-) + 7
     * <= 2 sqrt(6N) + 7}.
     */
    public static long threeLayerCutsUpper(long n) {
        requireNonNegative(n);
        if (n == 0) return 0;
        long[] g = new long[Math.toIntExact(n + 1)];
        for (int i = 0; i <= n; i++) g[i] = threeLayerCutsPerSign(i);
        long worst = 0;
        for (int p = 0; p <= n; p++) worst = Math.max(worst, g[p] + g[(int) n - p] + 1);
        return worst;
    }

    /**
     * The upper budget of the suite's construction at depth {@code L >= 3} (the gate's rule
     * {@code tl}): {@code B3(N) + (L - 3)} (the 3-layer construction plus one pass-through unit per further
     * layer, proofs-notes/TL-depth-construction.md); {@code 3N} at depth 2.
     */
    public static long depthUpper(int depth, long n) {
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2 to have hidden units, got " + depth);
        if (depth == 2) return twoLayerUpper(n);
        return threeLayerUpper(n) + (depth - 3);
    }

    /** The T3C budget at depth {@code L >= 3}: {@link #threeLayerCutsUpper} {@code + (L - 3)}; {@code 3N} at depth 2. */
    public static long depthCutsUpper(int depth, long n) {
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2 to have hidden units, got " + depth);
        if (depth == 2) return twoLayerUpper(n);
        return threeLayerCutsUpper(n) + (depth - 3);
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

    /**
     * Global parameter counting in 1-D: a network with hidden widths {@code m_1..m_h} has
     * {@code P - H = m_1 + sum_{l >= 2} m_{l-1} m_l + m_h + 1} parameters left after one positive
     * rescaling per hidden unit (PC). See proofs-notes/PC-parameter-counting.md.
     */
    public static long freeParameters(long... widths) {
        for (long w : widths) if (w < 0) throw new IllegalArgumentException("widths must be non-negative, got " + w);
        if (widths.length == 0) return 1;
        long total = Math.addExact(Math.addExact(widths[0], widths[widths.length - 1]), 1);
        for (int l = 1; l < widths.length; l++) total = Math.addExact(total, Math.multiplyExact(widths[l - 1], widths[l]));
        return total;
    }

    /**
     * An upper bound on {@link #freeParameters} over all width vectors of {@code depth - 1} hidden
     * layers with {@code m} neurons in all: {@code 2m + 1} at depth 2 (exact), and for every depth
     * {@code >= 3} {@code floor((m + 2)/2) ceil((m + 2)/2)}: group alternate layers into two sums
     * {@code A + B = m}; the products of adjacent widths are distinct terms of {@code AB} and
     * {@code m_1 + m_h <= A + B}, so {@code P - H <= (A + 1)(B + 1)}. Exact at depth 3 (two layers
     * of widths {@code A, B}); at depth {@code >= 4} the true maximum can be smaller (widths
     * {@code 1, 1, 0} give 3, the bound 4), which only weakens the lower bound, never breaks it.
     */
    public static long maxFreeParameters(int depth, long m) {
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2, got " + depth);
        if (m < 0) throw new IllegalArgumentException("neuron count must be non-negative, got " + m);
        if (depth == 2) return Math.addExact(Math.multiplyExact(2L, m), 1);
        long a = (m + 2) / 2, b = (m + 3) / 2;
        return Math.multiplyExact(a, b);
    }

    /**
     * The global parameter-counting lower bound at depth {@code L} (any {@code K >= N}, any {@code d}):
     * the least {@code m} with {@code maxFreeParameters(L, m) >= N} (an upper bound on {@code P - H}), since a network whose parameters
     * leave fewer than {@code N} free dimensions cannot reach every residual vector on {@code N}
     * changed samples. At least {@code 2 sqrt(N) - 2} for every {@code L >= 3}; {@code (N - 1)/2} at depth 2.
     */
    public static long parameterCountingLower(int depth, long n) {
        requireNonNegative(n);
        if (depth < 2) throw new IllegalArgumentException("depth must be at least 2, got " + depth);
        if (depth == 2) return n / 2; // least m with 2m + 1 >= N
        long m = Math.max(0, 2 * (long) Math.floor(Math.sqrt((double) n)) - 4);
        while (m > 0 && maxFreeParameters(depth, m - 1) >= n) m--;
        while (maxFreeParameters(depth, m) < n) m++;
        return m;
    }

    /**
     * The depth-{@code L} lower bound: the larger of LRL on the alternating hard instance
     * ({@code 3N} breakpoints, for {@code K >= 3N + 2}) and global parameter counting.
     * See proofs-notes/LRL-depth-breakpoints.md.
     */
    public static long depthLowerBound(int depth, long n) {
        return Math.max(depthLowerOnHardInstance(depth, n), parameterCountingLower(depth, n));
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
