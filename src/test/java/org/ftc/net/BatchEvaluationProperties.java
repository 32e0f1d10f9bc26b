package org.ftc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.gen.Networks;
import org.ftc.gen.Numbers;
import org.ftc.gen.SampleSet;
import org.ftc.gen.Samples;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** SWEEP (proofs-notes/SWEEP-line-evaluation.md): the sweep equals the dense exact evaluation. */
class BatchEvaluationProperties {

    /** A random network whose first-layer rows are replaced by {@code lambda_i u}. */
    static Gen<Network<Rational>> parallelNetworks(int d) {
        return Gens.zip(Networks.networks(d, 1, 4, 8), Gens.lists(Numbers.mixed(), d, d), Gens.lists(Numbers.weights(), 8, 8),
                (g, u, lambdas) -> {
                    Layer<Rational> first = g.layer(0);
                    Rational[][] w = new Rational[first.width()][];
                    Rational[] b = new Rational[first.width()];
                    for (int i = 0; i < first.width(); i++) {
                        w[i] = new Rational[d];
                        for (int j = 0; j < d; j++) w[i][j] = lambdas.get(i % 8).multiply(u.get(j));
                        b[i] = first.bias(i);
                    }
                    List<Layer<Rational>> layers = new ArrayList<>(g.layers());
                    layers.set(0, new Layer<>(RationalField.INSTANCE, d, w, b));
                    return new Network<>(RationalField.INSTANCE, d, layers);
                });
    }

    record Case(Network<Rational> g, SampleSet points) {
        @Override
        public String toString() {
            return g + " " + g.layers().stream().map(l -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < l.width(); i++) s.append(java.util.Arrays.toString(l.row(i))).append("+").append(l.bias(i)).append("; ");
                return s.toString();
            }).toList() + "\n" + points;
        }
    }

    @Test
    void sweepEqualsDenseEvaluation() {
        Property.forAll(Gens.ints(1, 6).flatMap(d -> Gens.zip(parallelNetworks(d), samplesIn(d), Case::new)))
                .check((c, ctx) -> {
                    var parallel = BatchEvaluation.ParallelFirstLayer.of(c.g());
                    assertThat(parallel).as("first layer is parallel by construction").isPresent();
                    Rational[] sweep = BatchEvaluation.sweep(c.g(), parallel.get(), c.points().points());
                    Rational[] dense = BatchEvaluation.dense(c.g(), c.points().points());
                    assertThat(sweep).containsExactly(dense);
                    ctx.label("depth " + c.g().depth());
                });
    }

    /**
     * Many points (above the parallel threshold, so the sweep is cut into ranges and the dense pass
     * spread over the cores): the values are those of the plain sequential loop, point by point.
     */
    @Test
    void parallelEvaluationEqualsTheSequentialLoop() {
        Property.forAll(Gens.ints(1, 4).flatMap(d -> Gens.zip(Gens.oneOf(parallelNetworks(d), Networks.networks(d, 1, 3, 6)),
                        Gens.ints(BatchEvaluation.PARALLEL_THRESHOLD, 3 * BatchEvaluation.PARALLEL_THRESHOLD).flatMap(k -> Samples.random(d, k)),
                        Case::new)))
                .check((c, ctx) -> {
                    Rational[][] x = c.points().points();
                    Rational[] sequential = new Rational[x.length];
                    for (int i = 0; i < x.length; i++) sequential[i] = c.g().evaluate(x[i]);
                    assertThat(BatchEvaluation.evaluate(c.g(), x)).containsExactly(sequential);
                    ctx.label(BatchEvaluation.ParallelFirstLayer.of(c.g()).isPresent() ? "sweep" : "dense");
                });
    }

    /** Samples placed exactly on first-layer breakpoints, where a unit switches on or off. */
    @Test
    void sweepIsExactOnTheBreakpointsThemselves() {
        Property.forAll(Gens.zip(parallelNetworks(1), Gens.lists(Numbers.mixed(), 0, 5), (g, extra) -> {
            List<Rational[]> pts = new ArrayList<>();
            Layer<Rational> first = g.layer(0);
            java.util.Set<Rational> seen = new java.util.HashSet<>();
            for (int i = 0; i < first.width(); i++) {
                Rational w = first.weight(i, 0);
                if (!w.isZero()) {
                    Rational p = first.bias(i).negate().divide(w);
                    if (seen.add(p)) pts.add(new Rational[] {p});
                }
            }
            for (Rational e : extra) if (seen.add(e)) pts.add(new Rational[] {e});
            return new Case(g, new SampleSet("breakpoints", 1, pts.toArray(new Rational[0][])));
        })).cover("a sample on a breakpoint", 25).check((c, ctx) -> { // 37% measured on 4000 tries
            ctx.classify(c.g().depth() > 1 && onABreakpoint(c), "a sample on a breakpoint");
            var parallel = BatchEvaluation.ParallelFirstLayer.of(c.g()).orElseThrow();
            assertThat(BatchEvaluation.sweep(c.g(), parallel, c.points().points()))
                    .containsExactly(BatchEvaluation.dense(c.g(), c.points().points()));
        });
    }

    /**
     * Depth >= 3 sweeps in blocks of one piece (the smallest block), with samples on every knot of
     * {@code g} along the line (first-layer breakpoints and the roots of deeper units, where a
     * last-hidden unit switches exactly at a sample) and between: the values are the dense ones.
     */
    @Test
    void deepSweepInBlocksIsExactOnEveryKnot() {
        Gen<Case> cases = Gens.zip(parallelNetworks(1), Gens.lists(Numbers.mixed(), 0, 8), Gens.ints(0, 3), (g, extra, more) -> {
            java.util.TreeSet<Rational> xs = new java.util.TreeSet<>(extra);
            if (g.depth() >= 3) {
                PiecewiseLinear line = LineRestriction.restrict(g, new Rational[] {Rational.ZERO}, new Rational[] {Rational.ONE});
                for (int i = 0; i < line.knotCount(); i++) {
                    xs.add(line.knot(i));
                    // and points just beside each knot, in the pieces on either side
                    for (int m = 1; m <= more; m++) {
                        Rational off = Rational.of(1, 1000L * m);
                        xs.add(line.knot(i).add(off));
                        xs.add(line.knot(i).subtract(off));
                    }
                }
            }
            Rational[][] pts = new Rational[xs.size()][];
            int i = 0;
            for (Rational x : xs) pts[i++] = new Rational[] {x};
            return new Case(g, new SampleSet("knots", 1, pts));
        });
        Property.forAll(cases).cover("depth >= 3", 25).check((c, ctx) -> {
            ctx.classify(c.g().depth() >= 3, "depth >= 3");
            if (c.points().points().length == 0) return;
            var parallel = BatchEvaluation.ParallelFirstLayer.of(c.g()).orElseThrow();
            Rational[] dense = BatchEvaluation.dense(c.g(), c.points().points());
            assertThat(BatchEvaluation.sweep(c.g(), parallel, c.points().points(), 1)).containsExactly(dense);
            assertThat(BatchEvaluation.sweep(c.g(), parallel, c.points().points())).containsExactly(dense);
        });
    }

    /** Whether some sample lies exactly where a first-layer unit with a nonzero weight switches. */
    private static boolean onABreakpoint(Case c) {
        Layer<Rational> first = c.g().layer(0);
        for (int i = 0; i < first.width(); i++) {
            Rational w = first.weight(i, 0);
            if (w.isZero()) continue;
            Rational p = first.bias(i).negate().divide(w);
            for (Rational[] x : c.points().points()) if (x[0].compareTo(p) == 0) return true;
        }
        return false;
    }

    /** Sample sets of exactly dimension {@code d}. */
    static Gen<SampleSet> samplesIn(int d) {
        return Gens.ints(1, 60).flatMap(k -> Gens.oneOf(Samples.random(d, k), Samples.collinear(d, k), Samples.grid(d, k),
                Samples.nearDuplicates(d, k), Samples.magnitudes(d, k), Samples.sphere(d, k)));
    }

    @Test
    void nonParallelFirstLayersAreRecognised() {
        // Rows (1, 0) and (0, 1) are not multiples of one direction: hand-checked.
        Rational[][] w = {{Rational.ONE, Rational.ZERO}, {Rational.ZERO, Rational.ONE}};
        Rational[] b = {Rational.ZERO, Rational.ZERO};
        Rational[][] w2 = {{Rational.ONE, Rational.ONE}};
        Network<Rational> g = new Network<>(RationalField.INSTANCE, 2, List.of(
                new Layer<>(RationalField.INSTANCE, 2, w, b), new Layer<>(RationalField.INSTANCE, 2, w2, new Rational[] {Rational.ZERO})));
        assertThat(BatchEvaluation.ParallelFirstLayer.of(g)).isEmpty();
        // relu(1) + relu(-2) = 1
        assertThat(BatchEvaluation.evaluate(g, new Rational[][] {{Rational.ONE, Rational.of(-2)}})[0]).isEqualTo(Rational.ONE);
    }
}
