package org.ftc.net;

import java.util.Arrays;
import java.util.Optional;
import org.ftc.arith.Rational;

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

    /** {@code g(x)} for every point, exactly, by the fastest applicable method. */
    public static Rational[] evaluate(Network<Rational> g, Rational[][] points) {
        Optional<ParallelFirstLayer> parallel = ParallelFirstLayer.of(g);
        return parallel.isPresent() ? sweep(g, parallel.get(), points) : dense(g, points);
    }

    /** The dense pass: each point through every layer. */
    public static Rational[] dense(Network<Rational> g, Rational[][] points) {
        Rational[] out = new Rational[points.length];
        for (int i = 0; i < points.length; i++) out[i] = g.evaluate(points[i]);
        return out;
    }

    /** The sweep; requires the first layer to be parallel (see {@link ParallelFirstLayer#of}). */
    public static Rational[] sweep(Network<Rational> g, ParallelFirstLayer parallel, Rational[][] points) {
        int k = points.length;
        Rational[] u = parallel.direction();
        Rational[] t = new Rational[k];
        for (int i = 0; i < k; i++) {
            if (points[i].length != u.length) {
                throw new IllegalArgumentException("point " + i + " has " + points[i].length + " coordinates, the network expects " + u.length);
            }
            Rational acc = Rational.ZERO;
            for (int j = 0; j < u.length; j++) if (!u[j].isZero()) acc = acc.add(u[j].multiply(points[i][j]));
            t[i] = acc;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> t[a].compareTo(t[b]));
        Rational[] sorted = new Rational[k];
        for (int i = 0; i < k; i++) sorted[i] = t[order[i]];
        PiecewiseLinear line = LineRestriction.alongDirection(g, parallel.multiples());
        Rational[] sortedValues = line.valuesAtSorted(sorted);
        Rational[] out = new Rational[k];
        for (int i = 0; i < k; i++) out[order[i]] = sortedValues[i];
        return out;
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
