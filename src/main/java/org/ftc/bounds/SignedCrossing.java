package org.ftc.bounds;

/**
 * T3S: the signed-crossing lower bound for 3 layers. On the two-block instance (the T2L pattern
 * {@code u u c (u u u c)^{N-1} u u}, first {@code n} residuals positive, the other {@code N - n}
 * negative; {@code K = 4N + 1}) every 3-layer {@code g} has {@code m1 + m2 >= γ(2n) + γ(2(N - n))}
 * with {@code γ(Y) = min { a + p : (a + 1)(p + 1) >= Y }}; the best split gives about
 * {@code 4 sqrt(N) - 4}. See proofs-notes/T3S-signed-crossing.md.
 */
public final class SignedCrossing {
    private SignedCrossing() {
    }

    /** Splits scanned on each side of {@code N/2} by {@link #best} when {@code N} is larger than twice this. */
    public static final long WINDOW = 2_000_000;

    /** {@code γ(Y) = min { a + p : a, p >= 0, (a + 1)(p + 1) >= Y }}; {@code γ(0) = γ(1) = 0}. */
    public static long gamma(long y) {
        if (y < 0) throw new IllegalArgumentException("Y must be non-negative, got " + y);
        if (y <= 1) return 0;
        // with x = a + 1: min over x >= 1 of x + ceil(Y / x) - 2; x + Y/x is smallest near sqrt(Y),
        // and x + ceil(Y/x) >= 2 sqrt(Y) everywhere, reached within rounding by x = ceil(sqrt(Y))
        long r = isqrt(y);
        long best = Long.MAX_VALUE;
        for (long x = Math.max(1, r - 2); x <= r + 2; x++) best = Math.min(best, x + ceilDiv(y, x) - 2);
        return best;
    }

    /** The bound on the two-block instance with {@code n} positive residuals out of {@code N}. */
    public static long bound(long bigN, long n) {
        if (bigN < 0 || n < 0 || n > bigN) throw new IllegalArgumentException("need 0 <= n <= N, got n = " + n + ", N = " + bigN);
        return gamma(2 * n) + gamma(2 * (bigN - n));
    }

    /** The best split and its bound. */
    public record Best(long n, long bound, boolean exhaustive) {
    }

    /**
     * The largest {@link #bound} over {@code n}: every split for {@code N <= 2 WINDOW}, otherwise the
     * splits within {@code WINDOW} of {@code N/2} (still a valid lower bound; flagged not exhaustive).
     */
    public static Best best(long bigN) {
        if (bigN < 0) throw new IllegalArgumentException("N must be non-negative, got " + bigN);
        boolean exhaustive = bigN <= 2 * WINDOW;
        long lo = exhaustive ? 0 : bigN / 2 - WINDOW, hi = exhaustive ? bigN : bigN / 2 + WINDOW;
        long arg = lo, value = -1;
        for (long n = lo; n <= hi; n++) {
            long b = bound(bigN, n);
            if (b > value) {
                value = b;
                arg = n;
            }
        }
        return new Best(arg, value, exhaustive);
    }

    static long isqrt(long y) {
        long r = (long) Math.sqrt((double) y);
        while (r * r > y) r--;
        while ((r + 1) * (r + 1) <= y) r++;
        return r;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
