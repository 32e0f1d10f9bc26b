package org.ftc.construct;

import java.math.BigInteger;
import java.util.Arrays;
import org.ftc.arith.Rational;

/**
 * A direction {@code u in Z^d} with pairwise distinct projections {@code t_i = u . x_i}
 * (THEORY section 3), found deterministically: {@code u = (1, T, T^2, ..., T^{d-1})} for
 * {@code T = 1, 2, ...}. For distinct points {@code x != y}, {@code u . (x - y)} is a nonzero
 * polynomial in {@code T} of degree {@code <= d - 1}, so each pair rules out at most {@code d - 1}
 * values of {@code T} and the search ends. Distinctness is checked exactly after sorting.
 *
 * @param u     the direction (integers)
 * @param t     the projections, indexed like the input points
 * @param order point indices sorted by increasing projection
 * @param base  the {@code T} that was used
 */
public record Projection(BigInteger[] u, Rational[] t, int[] order, long base) {

    /** Throws {@link IllegalArgumentException} when two points are equal (no direction can separate them). */
    public static Projection find(Rational[][] points) {
        int k = points.length;
        int d = k == 0 ? 1 : points[0].length;
        for (long base = 1; ; base++) {
            Rational b = Rational.of(base);
            Rational[] t = new Rational[k];
            for (int i = 0; i < k; i++) {
                // Horner: x_0 + T (x_1 + T (x_2 + ...)).
                Rational acc = points[i][d - 1];
                for (int j = d - 2; j >= 0; j--) acc = acc.multiply(b).add(points[i][j]);
                t[i] = acc;
            }
            Integer[] boxed = new Integer[k];
            for (int i = 0; i < k; i++) boxed[i] = i;
            Arrays.sort(boxed, (p, q) -> t[p].compareTo(t[q]));
            boolean distinct = true;
            for (int i = 1; i < k && distinct; i++) distinct = t[boxed[i - 1]].compareTo(t[boxed[i]]) != 0;
            if (distinct) {
                BigInteger[] u = new BigInteger[d];
                BigInteger power = BigInteger.ONE;
                for (int j = 0; j < d; j++) {
                    u[j] = power;
                    power = power.multiply(BigInteger.valueOf(base));
                }
                int[] order = new int[k];
                for (int i = 0; i < k; i++) order[i] = boxed[i];
                return new Projection(u, t, order, base);
            }
            if (base == 1) rejectEqualPoints(points, t, boxed);
            if (base > (long) (d - 1) * ((long) k * (k - 1) / 2) + 1) {
                throw new IllegalStateException("no separating direction found below the proven bound: a bug");
            }
        }
    }

    /** Equal points collide for every {@code T}; they share a tie group of the first try. */
    private static void rejectEqualPoints(Rational[][] points, Rational[] t, Integer[] sorted) {
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i < sorted.length && t[sorted[i]].compareTo(t[sorted[start]]) == 0) continue;
            if (i - start > 1) {
                java.util.Map<java.util.List<Rational>, Integer> seen = new java.util.HashMap<>();
                for (int j = start; j < i; j++) {
                    Integer before = seen.putIfAbsent(Arrays.asList(points[sorted[j]]), sorted[j]);
                    if (before != null) {
                        throw new IllegalArgumentException("points " + Math.min(before, sorted[j]) + " and " + Math.max(before, sorted[j])
                                + " are equal: " + Arrays.toString(points[sorted[j]]));
                    }
                }
            }
            start = i;
        }
    }

    /** The direction as exact rationals. */
    public Rational[] direction() {
        Rational[] r = new Rational[u.length];
        for (int j = 0; j < u.length; j++) r[j] = Rational.of(u[j]);
        return r;
    }

    /** Projections in increasing order. */
    public Rational[] sortedT() {
        Rational[] s = new Rational[order.length];
        for (int i = 0; i < order.length; i++) s[i] = t[order[i]];
        return s;
    }
}
