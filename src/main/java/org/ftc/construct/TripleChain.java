package org.ftc.construct;

import java.math.BigInteger;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;

/**
 * The two varying pre-activations {@code X, Y} of one T3C triple across the cells, as their values
 * at the cuts {@code kappa_0 .. kappa_C} (proofs-notes/T3C-chained-triples.md, steps 3-5).
 *
 * <p>In a cell serving the sample {@code c} with residual magnitude {@code |r|}, both units arrive at
 * the left cut with the same sign and magnitudes {@code a} (the unit whose root goes left of
 * {@code c}) and {@code b}; with {@code D = c - kappa_L}, {@code E = kappa_R - c}, {@code w = D + E}
 * and the root room {@code g_L = min(c - t_prev, D/2)}, {@code g_R = min(t_next - c, E/2)}, the roots
 * lie within the room iff {@code a >= |r|(D - g_L)/g_L} and {@code b >= |r|(D + g_R)/g_R}. The unit
 * going left takes {@code |r|} at {@code c} and leaves with the opposite sign and magnitude
 * {@code (E a + |r| w)/D}; the other takes any {@code y >= |r|} at {@code c} with its root still in
 * the room and leaves with any magnitude in {@code [b(E - g_R)/(D + g_R), (E b - |r| w)/D]}. A cell
 * serving nothing keeps both signs and may leave with any magnitude.
 *
 * <p>A backward pass computes, for each unit at each cut, a requirement: the least admissible
 * magnitude times at least {@code 1 + 2^-SLACK_BITS}, rounded up to a dyadic of at most
 * {@code SLACK_BITS + 1} significant bits. The forward pass starts from those and, wherever it may
 * choose (the second unit of a served cell, idle cells, {@code kappa_0}), chooses a short dyadic that
 * meets the next requirement; the slack guarantees the choice exists with few bits. So every value
 * at a cut is a short dyadic or one exit {@code (E a + |r| w)/D} of a short dyadic {@code a}: the
 * numbers do not grow along the chain (taking the least magnitudes exactly, as an earlier version
 * did, multiplies the denominators of all the cells together).
 *
 * <p>The unit going left alternates from one served cell to the next.
 */
final class TripleChain {
    private TripleChain() {
    }

    /** Requirements are the least admissible magnitudes times at least {@code 1 + 2^-SLACK_BITS}. */
    static final int SLACK_BITS = 8;

    /** {@code [X values, Y values]} at {@code kappa_0..kappa_C}; {@code served[j]} is the sorted position served in cell {@code j}, or -1. */
    static <T> T[][] values(FieldLine<T> fl, T[] kappa, int[] served) {
        Field<T> field = fl.field;
        int cells = served.length;
        int k = fl.line.k;
        T one = field.one(), two = field.fromLong(2);
        int[] left = new int[cells]; // which unit (0 = X, 1 = Y) has its root left of c
        int role = 0;
        for (int j = 0; j < cells; j++) {
            if (served[j] >= 0) {
                left[j] = role;
                role = 1 - role;
            }
        }
        T[][] req = FieldLine.matrix(field, 2, cells + 1);
        req[0][cells] = field.zero();
        req[1][cells] = field.zero();
        T[][] geometry = FieldLine.matrix(field, cells, 5); // |r|, D, E, w, g_R per served cell
        for (int j = cells - 1; j >= 0; j--) {
            int pos = served[j];
            if (pos < 0) {
                req[0][j] = one;
                req[1][j] = one;
                continue;
            }
            T c = fl.t(pos);
            T r = fl.v(pos);
            if (field.signum(r) < 0) r = field.negate(r);
            T d = field.subtract(c, kappa[j]), e = field.subtract(kappa[j + 1], c), w = field.add(d, e);
            T gL = field.divide(d, two), gR = field.divide(e, two);
            if (pos > 0) gL = min(field, gL, field.subtract(c, fl.t(pos - 1)));
            if (pos + 1 < k) gR = min(field, gR, field.subtract(fl.t(pos + 1), c));
            geometry[j][0] = r;
            geometry[j][1] = d;
            geometry[j][2] = e;
            geometry[j][3] = w;
            geometry[j][4] = gR;
            int l = left[j], rt = 1 - l;
            T rw = field.multiply(r, w);
            T admissibleL = field.divide(field.multiply(r, field.subtract(d, gL)), gL);
            T admissibleR = field.divide(field.multiply(r, field.add(d, gR)), gR);
            // The least entering magnitude whose exit reaches the next requirement: the left unit's
            // exit (E a + |r| w)/D, the right unit's largest exit (E b - |r| w)/D, inverted.
            T chainL = field.divide(field.subtract(field.multiply(req[l][j + 1], d), rw), e);
            T chainR = field.divide(field.add(field.multiply(req[rt][j + 1], d), rw), e);
            req[l][j] = requirement(field, max(field, admissibleL, chainL));
            req[rt][j] = requirement(field, max(field, admissibleR, chainR));
        }
        T[][] v = FieldLine.matrix(field, 2, cells + 1);
        T[] mag = field.newArray(2);
        mag[0] = req[0][0];
        mag[1] = req[1][0];
        boolean negative = true; // the sign both units carry into the next cell
        for (int u = 0; u < 2; u++) v[u][0] = field.negate(mag[u]);
        for (int j = 0; j < cells; j++) {
            if (served[j] < 0) {
                for (int u = 0; u < 2; u++) if (field.signum(req[u][j + 1]) > 0) mag[u] = req[u][j + 1];
            } else {
                T r = geometry[j][0], d = geometry[j][1], e = geometry[j][2], w = geometry[j][3], gR = geometry[j][4];
                T rw = field.multiply(r, w);
                int l = left[j], rt = 1 - l;
                T b = mag[rt];
                mag[l] = field.divide(field.add(field.multiply(e, mag[l]), rw), d);
                // The right unit's exits: from b(E - g_R)/(D + g_R) (root at c + g_R) to (E b - |r| w)/D
                // (value |r| at c); at least the next requirement.
                T lowest = field.divide(field.multiply(b, field.subtract(e, gR)), field.add(d, gR));
                T highest = field.divide(field.subtract(field.multiply(e, b), rw), d);
                mag[rt] = shortChoice(field, req[rt][j + 1], lowest, highest);
                negative = !negative;
            }
            for (int u = 0; u < 2; u++) v[u][j + 1] = negative ? field.negate(mag[u]) : mag[u];
        }
        return v;
    }

    /**
     * The requirement for least admissible magnitude {@code x > 0}: the least multiple of
     * {@code 2^e} that is at least {@code x (1 + 2^-SLACK_BITS)}, with {@code 2^e} the power of two
     * {@code SLACK_BITS} binary places below the leading bit of that product; so at most
     * {@code x (1 + 2^-SLACK_BITS)^2} and at most {@code SLACK_BITS + 1} significant bits.
     */
    static <T> T requirement(Field<T> field, T x) {
        Rational q = field.toRational(x);
        if (q.signum() <= 0) return x; // not reached for admissible magnitudes (they are > 0)
        Rational y = q.add(q.multiply(Rational.dyadic(1, -SLACK_BITS)));
        int e = floorLog2(y) - SLACK_BITS;
        Rational up = Rational.dyadic(y.multiply(Rational.dyadic(1, -e)).ceil(), e);
        return field.fromRational(up);
    }

    /**
     * A magnitude in {@code [max(lowest, required), highest]}, short where possible: {@code required}
     * itself (a short dyadic) when it is at least {@code lowest}, else a dyadic with the fewest
     * binary places in {@code [lowest, highest]}. When the interval is empty (only a rounded field
     * gets there) the largest exit, {@code highest}.
     */
    static <T> T shortChoice(Field<T> field, T required, T lowest, T highest) {
        Rational lo = field.toRational(lowest), hi = field.toRational(highest), need = field.toRational(required);
        if (need.compareTo(lo) >= 0 && need.compareTo(hi) <= 0) return required;
        Rational from = need.max(lo);
        if (from.compareTo(hi) >= 0) return highest;
        return field.fromRational(shortDyadicIn(from, hi));
    }

    /** For {@code lo < hi}: {@code ceil(lo / 2^e) 2^e} with {@code 2^e <= hi - lo < 2^(e+1)}, which lies in {@code [lo, hi]}. */
    static Rational shortDyadicIn(Rational lo, Rational hi) {
        int e = floorLog2(hi.subtract(lo));
        return Rational.dyadic(lo.multiply(Rational.dyadic(1, -e)).ceil(), e);
    }

    /** {@code floor(log2 q)} for {@code q > 0}. */
    static int floorLog2(Rational q) {
        BigInteger n = q.numerator(), d = q.denominator();
        int e = n.bitLength() - d.bitLength(); // 2^(e-1) < q < 2^(e+1)
        int cmp = e >= 0 ? n.compareTo(d.shiftLeft(e)) : n.shiftLeft(-e).compareTo(d);
        return cmp >= 0 ? e : e - 1;
    }

    private static <T> T max(Field<T> field, T a, T b) {
        return field.compare(a, b) >= 0 ? a : b;
    }

    private static <T> T min(Field<T> field, T a, T b) {
        return field.compare(a, b) <= 0 ? a : b;
    }
}
