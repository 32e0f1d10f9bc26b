package org.ftc.bounds;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;

/**
 * An independent brute force for the least 2-layer width through tiny 1-D data, used only by tests.
 * It shares nothing with O2 (no MB, no slopes, no difference constraints): it works with the
 * vectors of values a unit takes on the data.
 *
 * <p>A unit {@code w relu(t - q)} with {@code q} in the closed slot {@code [p_j, p_{j+1}]} takes at
 * {@code p_i} the value {@code w max(p_i - q, 0)}, which is affine in {@code q} on the slot (no
 * {@code p_i - q} changes sign there). So its data vector is {@code w} times a convex combination of
 * the vectors {@code R_j = (max(p_i - p_j, 0))_i} and {@code R_{j+1}}: the set of data vectors of
 * right-facing units in slot {@code j} is {@code cone(R_j, R_{j+1})} for {@code w >= 0} and its
 * negative for {@code w <= 0}; left-facing units give {@code L_j = (max(p_j - p_i, 0))_i}
 * likewise, and units outside {@code [p_0, p_n]} add only an affine function already covered by the
 * end slots plus the free output bias. The bias is removed by working modulo constants (coordinates
 * {@code y_i - y_0}). Hence width {@code <= w} iff the data vector lies in the sum of {@code w}
 * such cones for some choice of slots, facings and signs: a cone membership decided by
 * Caratheodory (a nonnegative solution on some linearly independent subset of the generators,
 * found by exact Gaussian elimination). Widths {@code 0, 1, 2, ...} are tried in turn. Two units
 * of the same kind (slot, facing, sign) reach no more than one (a cone plus itself is the cone), so
 * since every smaller width was tried first, only sets of distinct kinds are enumerated.
 */
final class TwoLayerWidthBruteForce {
    private TwoLayerWidthBruteForce() {
    }

    static int width(Rational[] p, Rational[] v) {
        int k = p.length;
        if (k > 5) throw new IllegalArgumentException("brute force is for at most 5 points");
        int dim = k - 1;
        Rational[] target = new Rational[dim];
        for (int i = 1; i < k; i++) target[i - 1] = v[i].subtract(v[0]);
        // unit kinds: slot j in 0..k-2, facing right/left, sign +/-; two generators each
        List<Rational[][]> kinds = new ArrayList<>();
        for (int j = 0; j + 1 < k; j++) {
            for (int facing = 0; facing < 2; facing++) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    kinds.add(new Rational[][] {ramp(p, j, facing == 0, sign), ramp(p, j + 1, facing == 0, sign)});
                }
            }
        }
        for (int w = 0; w <= k; w++) {
            if (anySet(kinds, w, 0, new ArrayList<>(), target)) return w;
        }
        throw new IllegalStateException("no width up to K found: impossible, K - 1 always suffices");
    }

    /** {@code sign * (max(+-(p_i - p_j), 0))_i} modulo constants. */
    private static Rational[] ramp(Rational[] p, int j, boolean right, int sign) {
        int k = p.length;
        Rational[] value = new Rational[k];
        for (int i = 0; i < k; i++) {
            Rational z = right ? p[i].subtract(p[j]) : p[j].subtract(p[i]);
            value[i] = z.signum() > 0 ? z.multiply(Rational.of(sign)) : Rational.ZERO;
        }
        Rational[] out = new Rational[k - 1];
        for (int i = 1; i < k; i++) out[i - 1] = value[i].subtract(value[0]);
        return out;
    }

    private static boolean anySet(List<Rational[][]> kinds, int left, int from, List<Rational[]> generators, Rational[] target) {
        if (left == 0) return inCone(generators, target);
        for (int kind = from; kind < kinds.size(); kind++) {
            generators.add(kinds.get(kind)[0]);
            generators.add(kinds.get(kind)[1]);
            boolean found = anySet(kinds, left - 1, kind + 1, generators, target);
            generators.remove(generators.size() - 1);
            generators.remove(generators.size() - 1);
            if (found) return true;
        }
        return false;
    }

    /** Caratheodory: target = sum c_g g with c >= 0 over some linearly independent subset. */
    static boolean inCone(List<Rational[]> generators, Rational[] target) {
        boolean zero = true;
        for (Rational x : target) zero &= x.isZero();
        if (zero) return true;
        int g = generators.size();
        for (int subset = 1; subset < (1 << g); subset++) {
            if (Integer.bitCount(subset) > target.length) continue;
            List<Rational[]> chosen = new ArrayList<>();
            for (int i = 0; i < g; i++) if ((subset >> i & 1) == 1) chosen.add(generators.get(i));
            Rational[] c = solveIndependent(chosen, target);
            if (c == null) continue;
            boolean nonnegative = true;
            for (Rational x : c) nonnegative &= x.signum() >= 0;
            if (nonnegative) return true;
        }
        return false;
    }

    /** The unique solution of {@code sum c_i columns_i = target} if the columns are independent and it is consistent, else null. */
    private static Rational[] solveIndependent(List<Rational[]> columns, Rational[] target) {
        int rows = target.length, cols = columns.size();
        Rational[][] a = new Rational[rows][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) a[r][c] = columns.get(c)[r];
            a[r][cols] = target[r];
        }
        int[] pivotRow = new int[cols];
        int row = 0;
        for (int c = 0; c < cols; c++) {
            int pivot = -1;
            for (int r = row; r < rows; r++) if (!a[r][c].isZero()) { pivot = r; break; }
            if (pivot < 0) return null; // dependent columns
            Rational[] tmp = a[pivot]; a[pivot] = a[row]; a[row] = tmp;
            for (int r = 0; r < rows; r++) {
                if (r == row || a[r][c].isZero()) continue;
                Rational factor = a[r][c].divide(a[row][c]);
                for (int cc = c; cc <= cols; cc++) a[r][cc] = a[r][cc].subtract(factor.multiply(a[row][cc]));
            }
            pivotRow[c] = row++;
        }
        for (int r = row; r < rows; r++) if (!a[r][cols].isZero()) return null; // inconsistent
        Rational[] x = new Rational[cols];
        for (int c = 0; c < cols; c++) x[c] = a[pivotRow[c]][cols].divide(a[pivotRow[c]][c]);
        return x;
    }
}
