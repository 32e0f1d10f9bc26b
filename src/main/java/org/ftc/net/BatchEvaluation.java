package org.ftc.net;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ftc.arith.ExactOrder;
import org.ftc.arith.Rational;
import org.ftc.arith.ScaledVector;

/**
 * Exact evaluation of a network at many points.
 *
 * <p>When every first-layer weight row is a multiple {@code lambda_i u} of one direction {@code u}
 * (as in both constructions), {@code g(x) = G(u . x)} with {@code G} one-dimensional; then the
 * values come from one sweep of the sorted projections {@code t = u . x} over the exact pieces of
 * {@code G}, in {@code O(K d + K log K + B)} rather than the dense {@code O(K * size of g)}.
 * Otherwise it is the dense exact pass. Both give the same exact values (a property checks it).
 */
public final class BatchEvaluation {
    private BatchEvaluation() {
    }

    /** Below this many points the work stays on the calling thread. */
    static final int PARALLEL_THRESHOLD = 256;

    /**
     * A weight of more bits than this (numerator plus denominator) makes the dense pass the faster
     * one: the sweep's coefficients are sums of many such weights, and every value read off them
     * meets a gcd of two numbers as long as all of them together, where the dense pass adds one
     * weight at a time and meets only gcds with one weight's denominator.
     */
    static final int HUGE_WEIGHT_BITS = 4096;

    /** {@code g(x)} for every point, exactly, by the fastest applicable method. */
    public static Rational[] evaluate(Network<Rational> g, Rational[][] points) {
        Optional<ParallelFirstLayer> parallel = ParallelFirstLayer.of(g);
        return parallel.isPresent() && !hasHugeWeights(g) ? sweep(g, parallel.get(), points) : dense(g, points);
    }

    private static boolean hasHugeWeights(Network<Rational> g) {
        for (Layer<Rational> layer : g.layers()) {
            for (int i = 0; i < layer.width(); i++) {
                if (layer.bias(i).bitSize() > HUGE_WEIGHT_BITS) return true;
                for (int j = 0; j < layer.inputs(); j++) if (layer.weight(i, j).bitSize() > HUGE_WEIGHT_BITS) return true;
            }
        }
        return false;
    }

    /**
     * The dense pass: each point through every layer, points spread over the cores; as integer
     * matrix-vector products ({@link DyadicNetwork}) when every weight is dyadic.
     */
    public static Rational[] dense(Network<Rational> g, Rational[][] points) {
        Rational[] out = new Rational[points.length];
        Optional<DyadicNetwork> dyadic = DyadicNetwork.of(g);
        if (dyadic.isPresent()) {
            DyadicNetwork integer = dyadic.get();
            forEach(points.length, i -> out[i] = integer.evaluate(points[i]));
        } else {
            forEach(points.length, i -> out[i] = g.evaluate(points[i]));
        }
        return out;
    }

    /** {@code body(i)} for {@code i < n}: in parallel when there are many, each index exactly once. */
    static void forEach(int n, IntConsumer body) {
        IntStream range = IntStream.range(0, n);
        (n >= PARALLEL_THRESHOLD ? range.parallel() : range).forEach(body);
    }

    /**
     * The sweep; requires the first layer to be parallel (see {@link ParallelFirstLayer#of}).
     *
     * <p>The first-layer breakpoints {@code p_j = -b_j / lambda_j} cut the line into pieces on which
     * every first-layer unit is affine, hence every second-layer pre-activation too:
     * {@code z_k = A_k t + B_k}. Walking the sorted projections, the coefficients {@code (A_k, B_k)}
     * are updated by one column of the second layer each time a breakpoint is crossed. Only pieces
     * that hold a sample are evaluated; for deeper networks the rest of the network is restricted to
     * such a piece ({@link LineRestriction#propagate}) and read off at the piece's samples. Nothing
     * is ever computed inside a stretch without samples, where constructions put their transition
     * zones and where exact coefficients can be large.
     *
     * <p>The sorted samples are cut into ranges swept independently (in parallel): a range starts
     * from the coefficients at {@code t -> -infinity} with every breakpoint at or before its first
     * sample crossed, which is exactly the state the one long sweep has there, so the values are
     * identical (a property checks it). At depth {@code >= 3} the work is split by unit and by piece
     * instead ({@link #sweepByPieces}).
     */
    public static Rational[] sweep(Network<Rational> g, ParallelFirstLayer parallel, Rational[][] points) {
        return sweep(g, parallel, points, COEFFICIENTS_PER_BLOCK);
    }

    /** {@link #sweep(Network, ParallelFirstLayer, Rational[][])} holding at most about {@code coefficientsPerBlock} coefficients at depth {@code >= 3}. */
    static Rational[] sweep(Network<Rational> g, ParallelFirstLayer parallel, Rational[][] points, int coefficientsPerBlock) {
        int k = points.length;
        Rational[] u = parallel.direction;
        Rational[] t = new Rational[k];
        for (int i = 0; i < k; i++) {
            if (points[i].length != u.length) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, the network expects " + u.length);
            }
        }
        long[] integerU = ScaledVector.integers(u);
        forEach(k, i -> t[i] = project(u, integerU, points[i]));
        int[] order = ExactOrder.ascending(t);
        Rational[] out = new Rational[k];
        Rational[] lambda = parallel.multiples;
        Layer<Rational> first = g.layer(0);
        if (g.depth() == 1) {
            forEach(k, i -> out[i] = lambda[0].multiply(t[i]).add(first.bias(0)));
            return out;
        }
        int m1 = first.width();
        List<Integer> moving = new ArrayList<>();
        for (int j = 0; j < m1; j++) if (lambda[j].signum() != 0) moving.add(j);
        Rational[] breakpoint = new Rational[m1];
        for (int j : moving) breakpoint[j] = first.bias(j).negate().divide(lambda[j]);
        moving.sort((a, b) -> breakpoint[a].compareTo(breakpoint[b]));
        if (g.depth() > 2) {
            sweepByPieces(g, lambda, moving, breakpoint, t, order, out, coefficientsPerBlock);
            return out;
        }
        int ranges = k >= PARALLEL_THRESHOLD ? Math.min(k / (PARALLEL_THRESHOLD / 2), 4 * Runtime.getRuntime().availableProcessors()) : 1;
        int[] from = new int[ranges + 1];
        for (int r = 0; r <= ranges; r++) from[r] = (int) ((long) k * r / ranges);
        // crossed[r]: the breakpoints crossed before range r starts, those at or before its first
        // sample (none for the first range, which starts at -infinity).
        int[] crossed = new int[ranges + 1];
        for (int r = 1; r < ranges; r++) crossed[r] = from[r] < k ? crossedBefore(moving, breakpoint, t[order[from[r]]]) : moving.size();
        crossed[ranges] = moving.size();
        // Each range's starting state: the state at -infinity plus the columns of every breakpoint
        // before it. The columns of each range's own breakpoints are summed in parallel, then the
        // sums are chained: every column is added twice in all, instead of once per later range.
        Coefficients[] block = new Coefficients[ranges];
        IntStream blocks = IntStream.range(0, ranges - 1);
        (ranges > 2 ? blocks.parallel() : blocks).forEach(r -> {
            Coefficients c = Coefficients.zero(g.layer(1).width());
            for (int n = crossed[r]; n < crossed[r + 1]; n++) c.cross(g, lambda, moving.get(n));
            block[r] = c;
        });
        Coefficients[] start = new Coefficients[ranges];
        start[0] = Coefficients.atMinusInfinity(g, lambda);
        for (int r = 1; r < ranges; r++) start[r] = start[r - 1].plus(block[r - 1]);
        IntStream ids = IntStream.range(0, ranges);
        (ranges > 1 ? ids.parallel() : ids).forEach(r ->
                sweepRange(g, lambda, moving, breakpoint, t, order, from[r], from[r + 1], start[r], crossed[r], out));
        return out;
    }

    /** At most this many second-layer coefficients {@code (A_k, B_k)} are held at once by {@link #sweepByPieces}. */
    static final int COEFFICIENTS_PER_BLOCK = 1 << 20;

    /**
     * The sweep for depth {@code >= 3}: the sorted samples are grouped by first-layer piece (the
     * number of breakpoints at or before them); each second-layer unit's coefficients
     * {@code (A_k, B_k)} are carried across the breakpoints once, the units spread over the cores
     * (each unit's sums are its own), and the pieces that hold samples are then evaluated
     * independently, spread over the cores. Pieces are taken in blocks so that at most
     * {@link #COEFFICIENTS_PER_BLOCK} coefficients (or one piece's) are held. Every coefficient is the same exact sum as
     * in the one long sweep, so the values are identical.
     */
    private static void sweepByPieces(Network<Rational> g, Rational[] lambda, List<Integer> moving, Rational[] breakpoint,
                                      Rational[] t, int[] order, Rational[] out, int coefficientsPerBlock) {
        int k = t.length;
        Layer<Rational> first = g.layer(0);
        Layer<Rational> second = g.layer(1);
        int m1 = first.width();
        int m2 = second.width();
        // Pieces holding samples: crossed[p] breakpoints at or before the samples order[start[p]..start[p+1]).
        int[] crossed = new int[k];
        int[] start = new int[k + 1];
        int pieces = 0;
        int next = 0;
        for (int i = 0; i < k; i++) {
            Rational ti = t[order[i]];
            int before = next;
            while (next < moving.size() && breakpoint[moving.get(next)].compareTo(ti) <= 0) next++;
            if (i == 0 || next != before) {
                crossed[pieces] = next;
                start[pieces++] = i;
            }
        }
        start[pieces] = k;
        // Each unit's coefficients with the first layer's state at t -> -infinity: units with
        // lambda < 0 are active there, units with lambda = 0 are the constant relu(b).
        Rational[] slope = new Rational[m2];
        Rational[] intercept = new Rational[m2];
        int[] position = new int[m2]; // breakpoints crossed so far, per unit
        forEach(m2, q -> {
            Rational a = Rational.ZERO, b = second.bias(q);
            for (int j = 0; j < m1; j++) {
                Rational w = second.weight(q, j);
                if (w.isZero()) continue;
                int sign = lambda[j].signum();
                if (sign == 0) {
                    Rational bias = first.bias(j);
                    if (bias.signum() > 0) b = b.add(w.multiply(bias));
                } else if (sign < 0) {
                    a = a.add(w.multiply(lambda[j]));
                    b = b.add(w.multiply(first.bias(j)));
                }
            }
            slope[q] = a;
            intercept[q] = b;
        });
        int block = Math.max(1, coefficientsPerBlock / Math.max(1, m2));
        for (int p0 = 0; p0 < pieces; p0 += block) {
            int from = p0, to = Math.min(pieces, p0 + block);
            Rational[][] a = new Rational[to - from][m2];
            Rational[][] b = new Rational[to - from][m2];
            forEach(m2, q -> {
                Rational sq = slope[q], iq = intercept[q];
                int pos = position[q];
                for (int p = from; p < to; p++) {
                    for (; pos < crossed[p]; pos++) {
                        int j = moving.get(pos);
                        Rational w = second.weight(q, j);
                        if (w.isZero()) continue;
                        // lambda > 0 switches on, lambda < 0 switches off.
                        if (lambda[j].signum() < 0) w = w.negate();
                        sq = sq.add(w.multiply(lambda[j]));
                        iq = iq.add(w.multiply(first.bias(j)));
                    }
                    a[p - from][q] = sq;
                    b[p - from][q] = iq;
                }
                slope[q] = sq;
                intercept[q] = iq;
                position[q] = pos;
            });
            forEach(to - from, p -> {
                if (g.depth() == 3) evaluateLastHiddenPiece(g.layer(2), a[p], b[p], t, order, start[from + p], start[from + p + 1], out);
                else evaluatePiece(g, a[p], b[p], t, order, start[from + p], start[from + p + 1], out);
            });
        }
    }

    /**
     * Depth 3, values at the sorted samples {@code order[from..to)} of one first-layer piece, where
     * unit {@code q} of the last hidden layer is {@code relu(A_q t + B_q)}: between consecutive
     * roots {@code -B_q / A_q} the output is {@code alpha t + beta}, the sums of
     * {@code c_q (A_q, B_q)} over the units that are on, so walking the samples in order each
     * unit is added or removed once where it switches. A unit whose root is a sample is 0 there,
     * so counting it on or off at that sample gives the same value.
     */
    private static void evaluateLastHiddenPiece(Layer<Rational> output, Rational[] a, Rational[] b, Rational[] t,
                                                int[] order, int from, int to, Rational[] out) {
        int n = to - from;
        Rational alpha = Rational.ZERO, beta = output.bias(0);
        // Unit q changes state before sample toggleAt[q] (an index into the piece), or never (-1).
        int m = a.length;
        int[] toggleAt = new int[m];
        int toggles = 0;
        for (int q = 0; q < m; q++) {
            toggleAt[q] = -1;
            Rational c = output.weight(0, q);
            if (c.isZero()) continue;
            int sign = a[q].signum();
            if (sign == 0) {
                if (b[q].signum() > 0) beta = beta.add(c.multiply(b[q]));
                continue;
            }
            // atOrBelow: the number of samples with t <= root = -B/A, i.e. with sign * (A t + B) <= 0.
            // Its sign is that of the integer A_n B_d t_n + B_n A_d t_d (denominators are positive): no gcd.
            BigInteger slopeTerm = a[q].numerator().multiply(b[q].denominator());
            BigInteger constantTerm = b[q].numerator().multiply(a[q].denominator());
            int lo = 0, hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                Rational tm = t[order[from + mid]];
                int z = slopeTerm.multiply(tm.numerator()).add(constantTerm.multiply(tm.denominator())).signum();
                if (sign * z <= 0) lo = mid + 1;
                else hi = mid;
            }
            int atOrBelow = lo;
            // On (A t + B > 0) at sample i: for A > 0 when i >= atOrBelow, for A < 0 when i < atOrBelow
            // (the samples equal to the root are 0 either way).
            boolean onFirst = sign > 0 ? atOrBelow == 0 : atOrBelow > 0;
            if (onFirst) {
                alpha = alpha.add(c.multiply(a[q]));
                beta = beta.add(c.multiply(b[q]));
            }
            if (atOrBelow > 0 && atOrBelow < n) {
                toggleAt[q] = atOrBelow;
                toggles++;
            }
        }
        Integer[] byPlace = new Integer[toggles];
        int e = 0;
        for (int q = 0; q < m; q++) if (toggleAt[q] >= 0) byPlace[e++] = q;
        Arrays.sort(byPlace, (x, y) -> Integer.compare(toggleAt[x], toggleAt[y]));
        int nextToggle = 0;
        for (int i = 0; i < n; i++) {
            while (nextToggle < toggles && toggleAt[byPlace[nextToggle]] == i) {
                int q = byPlace[nextToggle++];
                Rational c = a[q].signum() > 0 ? output.weight(0, q) : output.weight(0, q).negate();
                alpha = alpha.add(c.multiply(a[q]));
                beta = beta.add(c.multiply(b[q]));
            }
            Rational ti = t[order[from + i]];
            out[order[from + i]] = alpha.isZero() ? beta : alpha.multiply(ti).add(beta);
        }
    }

    /**
     * {@code u . x} exactly: on integers over the point's common denominator ({@link ScaledVector})
     * when {@code u} is integer ({@code integerU}, as in both constructions) and everything fits in
     * longs, else as a {@link Rational#dot}.
     */
    private static Rational project(Rational[] u, long[] integerU, Rational[] x) {
        return ScaledVector.dot(u, integerU, integerU == null ? null : ScaledVector.of(x), x);
    }

    /** How many of the sorted {@code breakpoint[moving]} are at or before {@code t0} (binary search). */
    private static int crossedBefore(List<Integer> moving, Rational[] breakpoint, Rational t0) {
        int lo = 0, hi = moving.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (breakpoint[moving.get(mid)].compareTo(t0) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * The second-layer pre-activations on one piece of the line: {@code z_q = slope_q t + intercept_q}
     * (the state of the sweep), updated in place.
     */
    private static final class Coefficients {
        final Rational[] slope;
        final Rational[] intercept;

        private Coefficients(Rational[] slope, Rational[] intercept) {
            this.slope = slope;
            this.intercept = intercept;
        }

        static Coefficients zero(int width) {
            Rational[] a = new Rational[width], b = new Rational[width];
            Arrays.fill(a, Rational.ZERO);
            Arrays.fill(b, Rational.ZERO);
            return new Coefficients(a, b);
        }

        /**
         * The state at {@code t -> -infinity}: units with {@code lambda < 0} are active there, units
         * with {@code lambda = 0} are the constant {@code relu(b)}.
         */
        static Coefficients atMinusInfinity(Network<Rational> g, Rational[] lambda) {
            Layer<Rational> first = g.layer(0);
            Layer<Rational> second = g.layer(1);
            int m2 = second.width();
            Coefficients c = zero(m2);
            for (int q = 0; q < m2; q++) c.intercept[q] = second.bias(q);
            for (int j = 0; j < first.width(); j++) {
                int sign = lambda[j].signum();
                if (sign == 0) {
                    Rational b = first.bias(j);
                    if (b.signum() > 0) for (int q = 0; q < m2; q++) c.intercept[q] = c.intercept[q].add(second.weight(q, j).multiply(b));
                } else if (sign < 0) {
                    addColumn(second, j, lambda[j], first.bias(j), c.slope, c.intercept, 1);
                }
            }
            return c;
        }

        /** Crossing first-layer unit {@code j}'s breakpoint: {@code lambda > 0} switches on, {@code lambda < 0} off. */
        void cross(Network<Rational> g, Rational[] lambda, int j) {
            addColumn(g.layer(1), j, lambda[j], g.layer(0).bias(j), slope, intercept, lambda[j].signum());
        }

        /** A new state: this one plus {@code other}, coefficient by coefficient. */
        Coefficients plus(Coefficients other) {
            Rational[] a = new Rational[slope.length], b = new Rational[slope.length];
            for (int q = 0; q < a.length; q++) {
                a[q] = slope[q].add(other.slope[q]);
                b[q] = intercept[q].add(other.intercept[q]);
            }
            return new Coefficients(a, b);
        }
    }

    /**
     * The sweep over the sorted samples {@code order[from..to)}, starting from {@code state} (the
     * state with the first {@code next} breakpoints crossed), which it updates.
     */
    private static void sweepRange(Network<Rational> g, Rational[] lambda, List<Integer> moving, Rational[] breakpoint,
                                   Rational[] t, int[] order, int from, int to, Coefficients state, int next, Rational[] out) {
        int i = from;
        while (i < to) {
            // Cross every breakpoint at or before the next sample; at a breakpoint the unit is 0
            // from both sides, so a sample lying exactly on it gets the same value either way.
            Rational ti = t[order[i]];
            while (next < moving.size() && breakpoint[moving.get(next)].compareTo(ti) <= 0) state.cross(g, lambda, moving.get(next++));
            // The samples of this piece: up to (excluding) the next breakpoint.
            int end = i + 1;
            Rational limit = next < moving.size() ? breakpoint[moving.get(next)] : null;
            while (end < to && (limit == null || t[order[end]].compareTo(limit) < 0)) end++;
            evaluatePiece(g, state.slope, state.intercept, t, order, i, end, out);
            i = end;
        }
    }

    /** {@code (A, B) += sign * W[:, j] * (lambda_j, b_j)}. */
    private static void addColumn(Layer<Rational> second, int j, Rational lambda, Rational bias,
                                  Rational[] slope, Rational[] intercept, int sign) {
        for (int q = 0; q < slope.length; q++) {
            Rational w = second.weight(q, j);
            if (w.isZero()) continue;
            if (sign < 0) w = w.negate();
            slope[q] = slope[q].add(w.multiply(lambda));
            intercept[q] = intercept[q].add(w.multiply(bias));
        }
    }

    /** Values at the sorted samples {@code order[from..to)}, all inside one piece. */
    private static void evaluatePiece(Network<Rational> g, Rational[] slope, Rational[] intercept, Rational[] t,
                                      int[] order, int from, int to, Rational[] out) {
        if (g.depth() == 2) {
            for (int i = from; i < to; i++) out[order[i]] = slope[0].multiply(t[order[i]]).add(intercept[0]);
            return;
        }
        List<PiecewiseLinear> units = new ArrayList<>(slope.length);
        for (int q = 0; q < slope.length; q++) units.add(PiecewiseLinear.affine(slope[q], intercept[q]));
        PiecewiseLinear rest = LineRestriction.propagate(g, 1, units);
        Rational[] ts = new Rational[to - from];
        for (int i = from; i < to; i++) ts[i - from] = t[order[i]];
        Rational[] values = rest.valuesAtSorted(ts);
        for (int i = from; i < to; i++) out[order[i]] = values[i - from];
    }

    /** First-layer rows {@code w_i = lambda_i u}: the direction {@code u} and the multiples. */
    public static final class ParallelFirstLayer {
        private final Rational[] direction;
        private final Rational[] multiples;

        private ParallelFirstLayer(Rational[] direction, Rational[] multiples) {
            this.direction = direction;
            this.multiples = multiples;
        }

        public Rational[] direction() {
            return direction.clone();
        }

        public Rational[] multiples() {
            return multiples.clone();
        }

        /** The factorisation when it exists, checked exactly entry by entry. */
        public static Optional<ParallelFirstLayer> of(Network<Rational> g) {
            Layer<Rational> first = g.layer(0);
            int d = first.inputs();
            Rational[] u = null;
            int pivot = -1;
            Rational[] lambda = new Rational[first.width()];
            for (int i = 0; i < first.width(); i++) {
                Rational[] w = first.row(i);
                if (u == null) {
                    for (int j = 0; j < d; j++) {
                        if (!w[j].isZero()) {
                            pivot = j;
                            break;
                        }
                    }
                    if (pivot < 0) {
                        lambda[i] = Rational.ZERO;
                        continue;
                    }
                    u = w;
                    lambda[i] = Rational.ONE;
                    continue;
                }
                Rational l = w[pivot].divide(u[pivot]);
                for (int j = 0; j < d; j++) {
                    if (w[j].compareTo(l.multiply(u[j])) != 0) return Optional.empty();
                }
                lambda[i] = l;
            }
            if (u == null) {
                // Every row is zero: the first layer is constant; any direction factors it.
                u = new Rational[d];
                Arrays.fill(u, Rational.ZERO);
                u[0] = Rational.ONE;
            }
            return Optional.of(new ParallelFirstLayer(u, lambda));
        }
    }
}
