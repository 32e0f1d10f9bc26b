package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * T2U: a 2-layer {@code g} with at most {@code 3N} neurons (proofs-notes/T2U-hats.md), written once
 * over {@link Field}.
 *
 * <p>Project the distinct points to {@code t = u . x} ({@link Projection}) and sort. The active
 * points (nonzero residual) fall into maximal runs of consecutive sorted points. Let {@code G} be the
 * continuous piecewise-linear function that is zero outside the runs' neighbourhoods and interpolates
 * linearly through: each run's left neighbour (value 0; a virtual point at distance 1 if the run
 * starts the order), the run's points (their residuals) and its right neighbour (value 0; virtual at
 * distance 1 if it ends the order). {@code G} is 0 at every untouched point and {@code r} at every
 * active one. It is {@code sum_p c_p relu(t - p)} over its knots {@code p}, where {@code c_p} is the
 * slope jump at {@code p}; a knot with {@code c_p = 0} needs no neuron. A run of length {@code L}
 * uses {@code L + 2} knots, and two runs separated by exactly one untouched point share it.
 * See proofs-notes/T2U-hats.md for the count and its proof.
 */
public final class TwoLayerHats {
    private TwoLayerHats() {
    }

    /** A knot of {@code G}: a sorted position, or a virtual point 1 left/right of one. */
    private record Knot(int sortedIndex, int offset, boolean active) {
    }

    /** The construction for an instance, in field {@code field}. */
    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        return construct(field, Residuals.of(instance), instance.dimension());
    }

    public static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        return construct(field, residuals, dimension, PlantedBug.NONE);
    }

    /**
     * Deliberate mistakes, used only by the suite's own tests to show that the properties catch a
     * broken construction and shrink it to a tiny instance. Production callers never pass one.
     */
    enum PlantedBug {
        NONE,
        /** A run's left ramp starts at the second-nearest sample on the left instead of the nearest. */
        WRONG_LEFT_NEIGHBOUR
    }

    static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension, PlantedBug bug) {
        if (residuals.activeCount() == 0) return Network.zero(field, dimension, 2);
        Projection projection = Projection.find(residuals.pointsView());
        int[] order = projection.order();
        List<Knot> knots = knots(residuals, order, bug);

        T[] u = field.newArray(dimension);
        for (int j = 0; j < dimension; j++) u[j] = field.fromRational(Rational.of(projection.u()[j]));
        int n = knots.size();
        T[] position = field.newArray(n);
        T[] value = field.newArray(n);
        for (int i = 0; i < n; i++) {
            Knot k = knots.get(i);
            int point = order[k.sortedIndex()];
            // An exact field has t = u . x already (the projection); others compute it in the field.
            T t = field.isExact() ? field.fromRational(projection.t()[point]) : dot(field, u, residuals.pointsView()[point]);
            position[i] = k.offset() == 0 ? t : field.add(t, field.fromLong(k.offset()));
            value[i] = k.active() ? field.fromRational(residuals.value(point)) : field.zero();
        }
        List<T[]> rows = new ArrayList<>();
        List<T> biases = new ArrayList<>();
        List<T> out = new ArrayList<>();
        T slopeBefore = field.zero();
        for (int i = 0; i < n; i++) {
            T slopeAfter = i + 1 < n
                    ? field.divide(field.subtract(value[i + 1], value[i]), field.subtract(position[i + 1], position[i]))
                    : field.zero();
            T jump = field.subtract(slopeAfter, slopeBefore);
            if (field.signum(jump) != 0) {
                rows.add(u.clone());
                biases.add(field.negate(position[i]));
                out.add(jump);
            }
            slopeBefore = slopeAfter;
        }
        return twoLayer(field, dimension, rows, biases, out);
    }

    /** The knots of {@code G} in increasing order, shared neighbours counted once. */
    private static List<Knot> knots(Residuals residuals, int[] order) {
        return knots(residuals, order, PlantedBug.NONE);
    }

    private static List<Knot> knots(Residuals residuals, int[] order, PlantedBug bug) {
        int k = order.length;
        List<Knot> knots = new ArrayList<>();
        int lastNeighbour = -1;
        int i = 0;
        while (i < k) {
            if (residuals.value(order[i]).isZero()) {
                i++;
                continue;
            }
            int a = i;
            while (i < k && !residuals.value(order[i]).isZero()) i++;
            int b = i - 1;
            if (a == 0) knots.add(new Knot(0, -1, false));
            else if (bug == PlantedBug.WRONG_LEFT_NEIGHBOUR && a >= 2 && a - 2 > lastNeighbour) knots.add(new Knot(a - 2, 0, false));
            else if (a - 1 != lastNeighbour) knots.add(new Knot(a - 1, 0, false));
            for (int j = a; j <= b; j++) knots.add(new Knot(j, 0, true));
            if (b == k - 1) knots.add(new Knot(k - 1, 1, false));
            else {
                knots.add(new Knot(b + 1, 0, false));
                lastNeighbour = b + 1;
            }
        }
        return knots;
    }

    /**
     * The terms of the count formula: {@code runs = sum over runs (L + 2)}, {@code shared} = untouched
     * points that are the right neighbour of one run and the left neighbour of the next, and
     * {@code collinear} = knots where the exact slope jump is zero.
     */
    public record CountTerms(int runs, int shared, int collinear) {
        public int neurons() {
            return runs - shared - collinear;
        }
    }

    /**
     * The exact neuron count of the construction, as a formula of the instance:
     * {@code sum over runs (L + 2) - s - z} ({@link CountTerms}). Always {@code <= 3 * (active points)}.
     */
    public static int neuronCount(Residuals residuals) {
        return countTerms(residuals).neurons();
    }

    public static CountTerms countTerms(Residuals residuals) {
        if (residuals.activeCount() == 0) return new CountTerms(0, 0, 0);
        Projection projection = Projection.find(residuals.pointsView());
        int[] order = projection.order();
        Rational[] t = projection.t();
        int k = order.length;
        int runsTotal = 0;
        int shared = 0;
        for (int i = 0; i < k; ) {
            if (residuals.value(order[i]).isZero()) {
                // An untouched point with active neighbours on both sides is shared.
                if (i > 0 && i < k - 1 && !residuals.value(order[i - 1]).isZero() && !residuals.value(order[i + 1]).isZero()) shared++;
                i++;
                continue;
            }
            int a = i;
            while (i < k && !residuals.value(order[i]).isZero()) i++;
            runsTotal += (i - a) + 2;
        }
        int collinear = 0;
        List<Knot> knots = knots(residuals, order);
        Rational before = Rational.ZERO;
        for (int i = 0; i < knots.size(); i++) {
            Rational after = i + 1 < knots.size() ? slope(knots.get(i), knots.get(i + 1), order, t, residuals) : Rational.ZERO;
            if (after.compareTo(before) == 0) collinear++;
            before = after;
        }
        return new CountTerms(runsTotal, shared, collinear);
    }

    /** The number of knots before zero jumps are dropped: {@code sum (L + 2) - s}. */
    public static int knotCount(Residuals residuals) {
        if (residuals.activeCount() == 0) return 0;
        return knots(residuals, Projection.find(residuals.pointsView()).order()).size();
    }

    private static Rational slope(Knot p, Knot q, int[] order, Rational[] t, Residuals residuals) {
        Rational tp = t[order[p.sortedIndex()]].add(Rational.of(p.offset()));
        Rational tq = t[order[q.sortedIndex()]].add(Rational.of(q.offset()));
        Rational vp = p.active() ? residuals.value(order[p.sortedIndex()]) : Rational.ZERO;
        Rational vq = q.active() ? residuals.value(order[q.sortedIndex()]) : Rational.ZERO;
        return vq.subtract(vp).divide(tq.subtract(tp));
    }

    private static <T> T dot(Field<T> field, T[] u, Rational[] x) {
        T acc = field.zero();
        for (int j = 0; j < u.length; j++) {
            if (!x[j].isZero()) acc = field.add(acc, field.multiply(u[j], field.fromRational(x[j])));
        }
        return acc;
    }

    /** {@code sum_i out_i relu(rows_i . x + biases_i)} as a network. */
    static <T> Network<T> twoLayer(Field<T> field, int dimension, List<T[]> rows, List<T> biases, List<T> out) {
        int m = rows.size();
        @SuppressWarnings("unchecked")
        T[][] w1 = (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), m);
        T[] b1 = field.newArray(m);
        for (int i = 0; i < m; i++) {
            w1[i] = rows.get(i);
            b1[i] = biases.get(i);
        }
        @SuppressWarnings("unchecked")
        T[][] w2 = (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), 1);
        w2[0] = field.newArray(m);
        for (int i = 0; i < m; i++) w2[0][i] = out.get(i);
        T[] b2 = field.newArray(1);
        b2[0] = field.zero();
        return new Network<>(field, dimension, List.of(new Layer<>(field, dimension, w1, b1), new Layer<>(field, m, w2, b2)));
    }
}
