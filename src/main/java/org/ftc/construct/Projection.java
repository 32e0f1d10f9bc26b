package org.ftc.construct;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.ftc.arith.ExactOrder;
import org.ftc.arith.Rational;
import org.ftc.arith.ScaledVector;

/**
 * A direction {@code u in Z^d} with pairwise distinct projections {@code t_i = u . x_i}
 * (proofs-notes/PROJ-projection.md), found deterministically: {@code u = (1, T, T^2, ..., T^{d-1})}, trying
 * {@code T = 1, 2, ..., 64} and then, if none worked, a {@code T} that works for every pair at once
 * ({@link #guaranteedBase}). For distinct points {@code x != y}, {@code u . (x - y)} is a nonzero
 * polynomial in {@code T} of degree {@code <= d - 1}, so each pair rules out at most {@code d - 1}
 * values; the small values keep the projections small in the usual case, and the guaranteed one
 * bounds the work on inputs built to defeat the small ones. Distinctness is checked exactly.
 *
 * @param u     the direction (integers)
 * @param t     the projections, indexed like the input points
 * @param order point indices sorted by increasing projection
 * @param base  the {@code T} that was used
 */
public record Projection(BigInteger[] u, Rational[] t, int[] order, BigInteger base) {
    /** How many small values of {@code T} are tried before the guaranteed one. */
    public static final int SMALL_TRIES = 64;

    /** Throws {@link IllegalArgumentException} when two points are equal (no direction can separate them). */
    public static Projection find(Rational[][] points) {
        int k = points.length;
        int d = k == 0 ? 1 : points[0].length;
        ScaledVector[] scaled = new ScaledVector[k];
        IntStream.range(0, k).parallel().forEach(i -> scaled[i] = ScaledVector.of(points[i]));
        for (long base = 1; base <= SMALL_TRIES; base++) {
            Projection p = attempt(points, scaled, d, BigInteger.valueOf(base));
            if (p != null) return p;
            if (d == 1) throw new IllegalStateException("distinct points on a line always have distinct projections: a bug");
        }
        Projection p = attempt(points, scaled, d, guaranteedBase(points));
        if (p == null) throw new IllegalStateException("the guaranteed base failed to separate distinct points: a bug");
        return p;
    }

    /**
     * {@code T0 = 2 + ceil(2 M / delta)} with {@code M = max |x_ij|} and {@code delta} the smallest
     * nonzero difference between two points' values in one coordinate. For distinct {@code x, y} the
     * polynomial {@code sum_k (x_k - y_k) T^k} has coefficients at most {@code 2M} in size and a
     * highest nonzero coefficient at least {@code delta}; by Cauchy's bound every root has
     * {@code |T| <= 1 + 2M / delta < T0}. So {@code T0} separates all pairs. (An earlier version
     * used the lcm of all denominators, which grows with every new denominator.)
     */
    public static BigInteger guaranteedBase(Rational[][] points) {
        int k = points.length;
        int d = k == 0 ? 1 : points[0].length;
        Rational max = Rational.ZERO;
        Rational delta = null;
        for (int j = 0; j < d; j++) {
            Rational[] column = new Rational[k];
            for (int i = 0; i < k; i++) {
                column[i] = points[i][j];
                if (column[i].abs().compareTo(max) > 0) max = column[i].abs();
            }
            Arrays.sort(column);
            for (int i = 1; i < k; i++) {
                Rational gap = column[i].subtract(column[i - 1]);
                if (gap.signum() > 0 && (delta == null || gap.compareTo(delta) < 0)) delta = gap;
            }
        }
        if (delta == null) return BigInteger.TWO; // at most one distinct point: any T works
        return max.multiply(Rational.TWO).divide(delta).ceil().add(BigInteger.TWO);
    }

    /**
     * {@code t_i = sum_j T^j x_ij} for every point, exactly: on the point's integers over their
     * common denominator ({@link ScaledVector}) when they and the sum fit in longs, else one exact
     * dot product with the powers of {@code T} ({@link Rational#dot}); either way reduced once, not
     * after every term. The points are shared out over the cores (each {@code t_i} depends on its
     * own point only, so the result is the same).
     */
    private static Rational[] project(Rational[][] points, ScaledVector[] scaled, int d, BigInteger base) {
        Rational[] powers = new Rational[d];
        BigInteger power = BigInteger.ONE;
        for (int j = 0; j < d; j++) {
            powers[j] = Rational.of(power);
            power = power.multiply(base);
        }
        long[] integerPowers = ScaledVector.integers(powers);
        Rational[] t = new Rational[points.length];
        IntStream.range(0, points.length).parallel().forEach(i -> t[i] = ScaledVector.dot(powers, integerPowers, scaled[i], points[i]));
        return t;
    }

    /**
     * The projection for this {@code T}, or null if two projections coincide. Coincidences are
     * looked for before sorting, by hashing the exact projections in input order and stopping at
     * the first one seen twice (a failing {@code T} usually shows one within a few hundred points,
     * so only the {@code T} that works pays for the sort). Two equal points coincide for every
     * {@code T}; when the coinciding pair is equal the points are refused. That refusal is always
     * reached: at the guaranteed base only equal points can coincide, so its first coincidence is
     * an equal pair.
     */
    private static Projection attempt(Rational[][] points, ScaledVector[] scaled, int d, BigInteger base) {
        Rational[] t = project(points, scaled, d, base);
        Map<Rational, Integer> seen = new HashMap<>(2 * t.length);
        for (int i = 0; i < t.length; i++) {
            Integer before = seen.putIfAbsent(t[i], i);
            if (before == null) continue;
            if (Arrays.equals(points[before], points[i])) {
                throw new IllegalArgumentException("points " + before + " and " + i + " are equal: " + Arrays.toString(points[i]));
            }
            return null;
        }
        int[] order = ExactOrder.ascending(t);
        BigInteger[] u = new BigInteger[d];
        BigInteger power = BigInteger.ONE;
        for (int j = 0; j < d; j++) {
            u[j] = power;
            power = power.multiply(base);
        }
        return new Projection(u, t, order, base);
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
