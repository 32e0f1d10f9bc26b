package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * T3C: a 3-layer {@code g} with one first-layer unit per cut and chained triples in the second
 * layer, {@code m1 = C}, {@code m2 = 3(T+ + T-)}, written once over {@link Field};
 * proofs-notes/T3C-chained-triples.md has the proof.
 *
 * <p>The active points (nonzero residual), in projected order, are cut greedily into the fewest
 * groups holding at most {@code T+} positive and {@code T-} negative residuals each; the pair
 * {@code (T+, T-)} minimising {@code C + 3(T+ + T-)} is chosen. A cut {@code kappa} lies in the
 * middle of the gap right after a group's last active point. The first layer is
 * {@code relu(t - kappa_0)} ({@code kappa_0 = t_min - 1}) and {@code relu(t - kappa_j)} per cut, so
 * a second-layer pre-activation can be any continuous piecewise-linear function of {@code t} with
 * knots at the cuts. A triple {@code X, Y, X + Y} with output weights {@code s, s, -s} adds
 * {@code s min(|X|, |Y|)} where {@code X, Y} have opposite signs and 0 elsewhere; in group {@code j}
 * the {@code p}-th residual of sign {@code s} is served by triple {@code (p + j) mod T_s} of that
 * sign (the rotation keeps the magnitudes from growing along the cuts). The
 * values of {@code X, Y} at the cuts are found by a backward pass of requirements (least admissible
 * magnitudes with a little slack, rounded up to short dyadics) and a forward pass that chooses short
 * dyadics wherever it may ({@link TripleChain}), so the numbers do not grow with the number of cuts.
 */
public final class ThreeLayerCuts {
    private ThreeLayerCuts() {
    }

    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        return construct(field, Residuals.of(instance), instance.dimension());
    }

    public static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        return construct(field, SortedLine.of(residuals), residuals, dimension);
    }

    /** The construction on the sorted line of {@code residuals} (computed once by the caller). */
    static <T> Network<T> construct(Field<T> field, SortedLine line, Residuals residuals, int dimension) {
        return build(new FieldLine<>(field, line, residuals, dimension), best(line));
    }

    /** The construction with given {@code T+, T-} (each at least 1 when residuals of that sign exist). */
    public static <T> Network<T> constructWith(Field<T> field, Residuals residuals, int dimension, int tPlus, int tMinus) {
        SortedLine line = SortedLine.of(residuals);
        return build(new FieldLine<>(field, line, residuals, dimension), plan(line, tPlus, tMinus));
    }

    /** The plan with the smallest {@code C + 3(T+ + T-)} (the empty plan when no point is active). */
    public static CutPlan plan(Residuals residuals) {
        return best(SortedLine.of(residuals));
    }

    /** The greedy plan for given {@code T+, T-}. */
    public static CutPlan plan(Residuals residuals, int tPlus, int tMinus) {
        return plan(SortedLine.of(residuals), tPlus, tMinus);
    }

    /** The exact neuron count {@code C + 3(T+ + T-)} of the construction, without building it. */
    public static int neuronCount(Residuals residuals) {
        return plan(residuals).neurons();
    }

    // ------------------------------------------------------------------------------------------
    // the plan: greedy groups for given (T+, T-), and the best pair

    /** Signs of the active points in sorted order, with rank tables for the greedy jump. */
    private static final class Signs {
        final int a;
        final int[] posRank, negRank; // # positives / negatives among active points 0..i-1
        final int[] posAt, negAt; // active index of the k-th positive / negative

        Signs(SortedLine line) {
            a = line.activeCount();
            posRank = new int[a + 1];
            negRank = new int[a + 1];
            int np = 0, nn = 0;
            for (int i = 0; i < a; i++) {
                if (line.v[line.activeIndex[i]].signum() > 0) np++;
                else nn++;
                posRank[i + 1] = np;
                negRank[i + 1] = nn;
            }
            posAt = new int[np];
            negAt = new int[nn];
            for (int i = 0; i < a; i++) {
                if (posRank[i + 1] > posRank[i]) posAt[posRank[i]] = i;
                else negAt[negRank[i]] = i;
            }
        }

        /** End (exclusive) of the greedy group starting at active index {@code i}. */
        int groupEnd(int i, int tPlus, int tMinus) {
            int e = a;
            int kp = posRank[i] + tPlus, kn = negRank[i] + tMinus;
            if (kp < posAt.length) e = Math.min(e, posAt[kp]);
            if (kn < negAt.length) e = Math.min(e, negAt[kn]);
            return e;
        }

        int groupCount(int tPlus, int tMinus, int stopAt) {
            int c = 0;
            for (int i = 0; i < a && c < stopAt; i = groupEnd(i, tPlus, tMinus)) c++;
            return c;
        }
    }

    static CutPlan plan(SortedLine line, int tPlus, int tMinus) {
        Signs s = new Signs(line);
        if (s.a == 0) return CutPlan.empty();
        if (tPlus < 0 || tMinus < 0 || (tPlus == 0 && s.posAt.length > 0) || (tMinus == 0 && s.negAt.length > 0)) {
            throw new IllegalArgumentException("T+ and T- must be non-negative and at least 1 when residuals of that sign exist"
                    + " (N+ = " + s.posAt.length + ", N- = " + s.negAt.length + "), got " + tPlus + ", " + tMinus);
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < s.a; i = s.groupEnd(i, tPlus, tMinus)) starts.add(i);
        starts.add(s.a);
        return new CutPlan(tPlus, tMinus, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The pair minimising {@code C + 3(T+ + T-)}, smallest {@code T+} then {@code T-} on ties. The group
     * count never grows with {@code T+} or {@code T-}, and the total is at least {@code 3(T+ + T-) + 1},
     * which bounds the search.
     */
    static CutPlan best(SortedLine line) {
        Signs s = new Signs(line);
        if (s.a == 0) return CutPlan.empty();
        int np = s.posAt.length, nn = s.negAt.length;
        int loP = np > 0 ? 1 : 0, loN = nn > 0 ? 1 : 0;
        int best = Integer.MAX_VALUE, bp = -1, bn = -1;
        for (int tp = loP; tp <= np; tp++) {
            if (3 * (tp + loN) + 1 >= best) break;
            for (int tn = loN; tn <= nn; tn++) {
                int fixed = 3 * (tp + tn);
                if (fixed + 1 >= best) break;
                int c = s.groupCount(tp, tn, best - fixed);
                if (c + fixed < best) {
                    best = c + fixed;
                    bp = tp;
                    bn = tn;
                }
            }
        }
        return plan(line, bp, bn);
    }

    // ------------------------------------------------------------------------------------------
    // building the network

    static <T> Network<T> build(FieldLine<T> fl, CutPlan plan) {
        Field<T> field = fl.field;
        SortedLine line = fl.line;
        int dimension = fl.u.length;
        int cells = plan.groups();
        if (cells == 0) return Network.zero(field, dimension, 3);
        int[] start = plan.groupStart();
        int[] act = line.activeIndex;
        T one = field.one(), two = field.fromLong(2);
        // Cuts kappa_0 < first sample, kappa_j in the middle of the gap after group j-1's last active point,
        // kappa_C > last sample.
        T[] kappa = field.newArray(cells + 1);
        kappa[0] = field.subtract(fl.t(0), one);
        kappa[cells] = field.add(fl.t(line.k - 1), one);
        for (int j = 1; j < cells; j++) {
            int x = act[start[j] - 1];
            kappa[j] = field.divide(field.add(fl.t(x), fl.t(x + 1)), two);
        }
        // served[s][i][j]: sorted position of the residual of sign s that triple i serves in group j,
        // or -1. The p-th residual of sign s in group j goes to triple (p + j) mod T_s: a bijection
        // per group, rotated so that no triple serves the early samples of every cell (its
        // magnitudes would grow by about E/D per cut, proofs-notes/T3C-chained-triples.md, step 2).
        int[][][] served = new int[2][][];
        served[0] = new int[plan.tPlus()][cells];
        served[1] = new int[plan.tMinus()][cells];
        for (int[][] bySign : served) for (int[] row : bySign) java.util.Arrays.fill(row, -1);
        for (int j = 0; j < cells; j++) {
            int p = 0, q = 0;
            for (int i = start[j]; i < start[j + 1]; i++) {
                int pos = act[i];
                if (line.v[pos].signum() > 0) served[0][(p++ + j) % plan.tPlus()][j] = pos;
                else served[1][(q++ + j) % plan.tMinus()][j] = pos;
            }
        }
        int triples = plan.tPlus() + plan.tMinus();
        int m2 = 3 * triples;
        // Values of every second-layer pre-activation at kappa_0..kappa_C.
        T[][] values = FieldLine.matrix(field, m2, cells + 1);
        int unit = 0;
        for (int s = 0; s < 2; s++) {
            for (int[] cellsServed : served[s]) {
                T[][] xy = TripleChain.values(fl, kappa, cellsServed);
                values[unit] = xy[0];
                values[unit + 1] = xy[1];
                T[] sum = field.newArray(cells + 1);
                for (int j = 0; j <= cells; j++) sum[j] = field.add(xy[0][j], xy[1][j]);
                values[unit + 2] = sum;
                unit += 3;
            }
        }
        // First layer: relu(t - kappa_j), j = 0..C-1.
        T[][] w1 = FieldLine.matrix(field, cells, dimension);
        T[] b1 = field.newArray(cells);
        for (int j = 0; j < cells; j++) {
            w1[j] = fl.u.clone();
            b1[j] = field.negate(kappa[j]);
        }
        // Second layer: value V_0 at kappa_0, first slope s_0, slope changes s_j - s_{j-1} at the cuts.
        T[][] w2 = FieldLine.matrix(field, m2, cells);
        T[] b2 = field.newArray(m2);
        for (int i = 0; i < m2; i++) {
            T previous = field.zero();
            for (int j = 0; j < cells; j++) {
                T slope = field.divide(field.subtract(values[i][j + 1], values[i][j]), field.subtract(kappa[j + 1], kappa[j]));
                w2[i][j] = field.subtract(slope, previous);
                previous = slope;
            }
            b2[i] = values[i][0];
        }
        // Output: (+1, +1, -1) per positive triple, (-1, -1, +1) per negative one.
        T[][] w3 = FieldLine.matrix(field, 1, m2);
        for (int t = 0; t < triples; t++) {
            T s = t < plan.tPlus() ? one : field.negate(one);
            w3[0][3 * t] = s;
            w3[0][3 * t + 1] = s;
            w3[0][3 * t + 2] = field.negate(s);
        }
        T[] b3 = field.newArray(1);
        b3[0] = field.zero();
        return new Network<>(field, dimension, List.of(
                new Layer<>(field, dimension, w1, b1),
                new Layer<>(field, cells, w2, b2),
                new Layer<>(field, m2, w3, b3)));
    }
}
