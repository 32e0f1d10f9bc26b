package org.ftc.construct;

import org.ftc.arith.Field;

/**
 * The two varying pre-activations {@code X, Y} of one T3C triple across the cells, as their values
 * at the cuts {@code kappa_0 .. kappa_C} (proofs-notes/T3C-chained-triples.md, steps 3-5).
 *
 * <p>In a cell serving the sample {@code c} with residual magnitude {@code |r|}, both units arrive at
 * the left cut with the same sign and magnitudes {@code a} (the unit whose root goes left of
 * {@code c}) and {@code b}; with {@code D = c - kappa_L}, {@code E = kappa_R - c}, {@code w = D + E}
 * and the root room {@code g_L = min(c - t_prev, D/2)}, {@code g_R = min(t_next - c, E/2)}, the roots
 * lie within the room iff {@code a >= |r|(D - g_L)/g_L} and {@code b >= |r|(D + g_R)/g_R}; the units
 * then leave with the opposite sign and magnitudes {@code (E a + |r| w)/D} and
 * {@code (E b - |r| w)/D}. A cell serving nothing keeps both signs and may leave with any magnitude.
 * A backward pass computes the least admissible magnitude of each unit at each cut, a forward pass
 * takes exactly those (at {@code kappa_0} there is nothing to the left: any magnitude is available).
 * The unit going left alternates from one served cell to the next.
 */
final class TripleChain {
    private TripleChain() {
    }

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
        T[][] geometry = FieldLine.matrix(field, cells, 4); // |r|, D, E, w per served cell
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
            geometry[j] = field.newArray(4);
            geometry[j][0] = r;
            geometry[j][1] = d;
            geometry[j][2] = e;
            geometry[j][3] = w;
            int l = left[j], rt = 1 - l;
            T rw = field.multiply(r, w);
            T admissibleL = field.divide(field.multiply(r, field.subtract(d, gL)), gL);
            T admissibleR = field.divide(field.multiply(r, field.add(d, gR)), gR);
            T chainL = field.divide(field.subtract(field.multiply(req[l][j + 1], d), rw), e);
            T chainR = field.divide(field.add(field.multiply(req[rt][j + 1], d), rw), e);
            req[l][j] = max(field, admissibleL, chainL);
            req[rt][j] = max(field, admissibleR, chainR);
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
                T r = geometry[j][0], d = geometry[j][1], e = geometry[j][2], rw = field.multiply(r, geometry[j][3]);
                int l = left[j], rt = 1 - l;
                mag[l] = field.divide(field.add(field.multiply(e, mag[l]), rw), d);
                mag[rt] = field.divide(field.subtract(field.multiply(e, mag[rt]), rw), d);
                negative = !negative;
            }
            for (int u = 0; u < 2; u++) v[u][j + 1] = negative ? field.negate(mag[u]) : mag[u];
        }
        return v;
    }

    private static <T> T max(Field<T> field, T a, T b) {
        return field.compare(a, b) >= 0 ? a : b;
    }

    private static <T> T min(Field<T> field, T a, T b) {
        return field.compare(a, b) <= 0 ? a : b;
    }
}
