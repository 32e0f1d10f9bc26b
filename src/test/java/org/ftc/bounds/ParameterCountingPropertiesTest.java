package org.ftc.bounds;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.ftc.arith.Rational;
import org.ftc.gen.Networks;
import org.ftc.gen.Numbers;
import org.ftc.gen.Samples;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** PC: exact Jacobian, exact rank <= P - H, EJML cross-check. See proofs-notes/PC-parameter-counting.md. */
class ParameterCountingPropertiesTest {

    record Point(Network<Rational> g, Rational[][] x) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(g.toString());
            for (int l = 0; l < g.depth(); l++) {
                s.append("\n  layer ").append(l + 1).append(":");
                for (int i = 0; i < g.layer(l).width(); i++) s.append(" ").append(Arrays.toString(g.layer(l).row(i))).append(" b=").append(g.layer(l).bias(i));
            }
            for (Rational[] p : x) s.append("\n  x = ").append(Arrays.toString(p));
            return s.toString();
        }
    }

    /** No hidden pre-activation is zero at any point: a point away from kinks. */
    static boolean awayFromKinks(Point pt) {
        try {
            ParameterCounting.jacobian(pt.g(), pt.x());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 2- and 3-layer networks with points in {@code Q^d}, {@code d <= 3}, up to 14 points. */
    static Gen<Point> points() {
        return Gens.ints(1, 3).flatMap(d -> Gens.ints(2, 3).flatMap(depth -> Gens.zip(
                Networks.smallWeights(d, depth, 4),
                Gens.lists(Samples.points(d, Numbers.smallFractions()), 1, 14),
                (g, xs) -> new Point(g, xs.toArray(new Rational[0][])))))
                .filter("away from kinks", ParameterCountingPropertiesTest::awayFromKinks);
    }

    static int hidden(Network<Rational> g) {
        return g.neurons();
    }

    @Test
    void jacobianEqualsExactCentralDifferences() {
        // g is affine in any single parameter while the activation pattern is fixed, so the central
        // difference (g(theta + e) - g(theta - e)) / 2e is the exact derivative once e is small enough
        // that no pre-activation changes sign; e is halved until the patterns at theta +- e agree.
        Property.forAll(points()).named("PC Jacobian = exact central differences")
                .check((pt, ctx) -> {
                    Rational[][] jac = ParameterCounting.jacobian(pt.g(), pt.x());
                    int p = ParameterCounting.parameterCount(pt.g());
                    for (int k = 0; k < p; k++) {
                        Rational e = Rational.ONE;
                        Network<Rational> plus, minus;
                        while (true) {
                            plus = ParameterCounting.perturb(pt.g(), k, e);
                            minus = ParameterCounting.perturb(pt.g(), k, e.negate());
                            if (samePattern(pt.g(), plus, pt.x()) && samePattern(pt.g(), minus, pt.x())) break;
                            e = e.divide(Rational.TWO);
                        }
                        for (int i = 0; i < pt.x().length; i++) {
                            Rational diff = plus.evaluate(pt.x()[i]).subtract(minus.evaluate(pt.x()[i])).divide(e.multiply(Rational.TWO));
                            if (diff.compareTo(jac[i][k]) != 0) {
                                throw new AssertionError("d g(x_" + i + ") / d theta_" + k + ": Jacobian " + jac[i][k] + ", central difference " + diff);
                            }
                        }
                    }
                });
    }

    static boolean samePattern(Network<Rational> a, Network<Rational> b, Rational[][] xs) {
        for (Rational[] x : xs) {
            Rational[] ha = x, hb = x;
            for (int l = 0; l < a.depth() - 1; l++) {
                Rational[] za = a.layer(l).apply(ha), zb = b.layer(l).apply(hb);
                for (int i = 0; i < za.length; i++) {
                    if (za[i].signum() != zb[i].signum()) return false;
                    if (za[i].signum() < 0) za[i] = Rational.ZERO;
                    if (zb[i].signum() < 0) zb[i] = Rational.ZERO;
                }
                ha = za;
                hb = zb;
            }
        }
        return true;
    }

    @Test
    void rescalingDirectionsAreNullVectors() {
        // unit k of hidden layer l: d/d lambda of g with incoming (row, bias) * lambda and outgoing / lambda, at lambda = 1
        Property.forAll(points()).named("PC rescaling null vectors")
                .check((pt, ctx) -> {
                    Network<Rational> g = pt.g();
                    Rational[][] jac = ParameterCounting.jacobian(g, pt.x());
                    int[] offset = ParameterCounting.offsets(g);
                    for (int l = 0; l < g.depth() - 1; l++) {
                        Layer<Rational> in = g.layer(l), out = g.layer(l + 1);
                        for (int k = 0; k < in.width(); k++) {
                            Rational[] dir = new Rational[jac[0].length];
                            Arrays.fill(dir, Rational.ZERO);
                            for (int j = 0; j < in.inputs(); j++) dir[offset[l] + k * in.inputs() + j] = in.weight(k, j);
                            dir[offset[l] + in.width() * in.inputs() + k] = in.bias(k);
                            for (int i = 0; i < out.width(); i++) dir[offset[l + 1] + i * out.inputs() + k] = out.weight(i, k).negate();
                            for (int row = 0; row < jac.length; row++) {
                                Rational acc = Rational.ZERO;
                                for (int c = 0; c < dir.length; c++) acc = acc.add(jac[row][c].multiply(dir[c]));
                                if (!acc.isZero()) throw new AssertionError("rescaling of unit " + k + " in layer " + (l + 1) + " moves g(x_" + row + ") at rate " + acc);
                            }
                        }
                    }
                });
    }

    static final AtomicInteger DISAGREEMENTS = new AtomicInteger();

    @Test
    void exactRankIsAtMostPMinusHAndMatchesRationalEliminationAndIsCrossCheckedWithEjml() {
        DISAGREEMENTS.set(0);
        StringBuilder log = new StringBuilder();
        Property.forAll(points()).named("PC rank <= P - H")
                .check((pt, ctx) -> {
                    Rational[][] jac = ParameterCounting.jacobian(pt.g(), pt.x());
                    int p = ParameterCounting.parameterCount(pt.g()), h = hidden(pt.g());
                    int rank = ParameterCounting.exactRank(jac);
                    int reference = gaussRank(jac);
                    if (rank != reference) throw new AssertionError("Bareiss rank " + rank + ", rational Gauss rank " + reference);
                    if (rank > p - h) throw new AssertionError("rank " + rank + " > P - H = " + p + " - " + h);
                    if (pt.g().depth() == 2) {
                        // m >= (N - 1)/(d + 1): rank <= m(d + 1) + 1
                        int m = h, d = pt.g().inputDimension();
                        if (rank > m * (d + 1) + 1) throw new AssertionError("2-layer rank above m(d+1)+1");
                    }
                    ctx.classify(rank == Math.min(jac.length, p - h), "rank = min(N, P - H)");
                    int floatRank = ParameterCounting.floatRank(jac);
                    if (floatRank != rank) {
                        ctx.label("EJML rank disagrees");
                        DISAGREEMENTS.incrementAndGet();
                        log.append("exact ").append(rank).append(", EJML ").append(floatRank).append(" on ").append(pt).append('\n');
                    }
                });
        // reported, not hidden: every disagreement is printed (the exact rank is the verdict)
        System.out.println("PC: EJML SVD rank disagreed with the exact rank " + DISAGREEMENTS.get() + " times\n" + log);
    }

    @Test
    void bareissHandExamples() {
        Rational[][] singular = {{r(1), r(2), r(3)}, {r(2), r(4), r(6)}, {r(1, 2), r(0), r(1)}};
        assertThat(ParameterCounting.exactRank(singular)).isEqualTo(2); // row 2 = 2 * row 1
        Rational[][] full = {{r(1, 3), r(1)}, {r(1), r(1, 3)}};
        assertThat(ParameterCounting.exactRank(full)).isEqualTo(2); // det = 1/9 - 1 != 0
        assertThat(ParameterCounting.exactRank(new Rational[][] {{r(0), r(0)}})).isZero();
        // nearly singular: det = 1e-30, exact rank 2 while a double SVD sees rank 1
        Rational tiny = NumberParser.exact("1e-30");
        Rational[][] near = {{r(1), r(1)}, {r(1), r(1).add(tiny)}};
        assertThat(ParameterCounting.exactRank(near)).isEqualTo(2);
        assertThat(ParameterCounting.floatRank(near)).isEqualTo(1);
    }

    static Rational r(long a) {
        return Rational.of(a);
    }

    static Rational r(long a, long b) {
        return Rational.of(a, b);
    }

    /** Plain rational Gaussian elimination: an independent rank. */
    static int gaussRank(Rational[][] m) {
        if (m.length == 0) return 0;
        Rational[][] a = new Rational[m.length][];
        for (int i = 0; i < m.length; i++) a[i] = m[i].clone();
        int rank = 0, cols = a[0].length;
        for (int c = 0; c < cols && rank < a.length; c++) {
            int piv = -1;
            for (int i = rank; i < a.length; i++) if (!a[i][c].isZero()) { piv = i; break; }
            if (piv < 0) continue;
            Rational[] t = a[piv]; a[piv] = a[rank]; a[rank] = t;
            for (int i = rank + 1; i < a.length; i++) {
                if (a[i][c].isZero()) continue;
                Rational f = a[i][c].divide(a[rank][c]);
                for (int j = c; j < cols; j++) a[i][j] = a[i][j].subtract(f.multiply(a[rank][j]));
            }
            rank++;
        }
        return rank;
    }
}
