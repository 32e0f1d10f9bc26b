package org.ftc.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Layer;
import org.ftc.net.LineRestriction;
import org.ftc.net.Network;
import org.ftc.net.PiecewiseLinear;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Source;

/**
 * Private generators of the bounds tests (the shared {@code org.ftc.gen} ones had not landed when
 * these were written): small exact networks with dead, duplicated and cancelling units, lines
 * (random, through kinks, inside a kink hyperplane), extremal 3-layer networks that reach LR3, 1-D
 * data and piecewise-linear functions. All map the all-zero choice sequence to the simplest value.
 */
final class BoundsGens {
    private BoundsGens() {
    }

    /** A network and a line {@code x0 + t v} ({@code v != 0}) in its input space. */
    record NetLine(Network<Rational> g, Rational[] x0, Rational[] v, String kind) {
        PiecewiseLinear restriction() {
            return LineRestriction.restrict(g, x0, v);
        }

        Rational[] at(Rational t) {
            Rational[] x = new Rational[x0.length];
            for (int j = 0; j < x.length; j++) x[j] = x0[j].add(t.multiply(v[j]));
            return x;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(kind).append(": ").append(g).append(", x0=").append(Arrays.toString(x0))
                    .append(", v=").append(Arrays.toString(v));
            for (int l = 0; l < g.depth(); l++) {
                s.append("\n  layer ").append(l + 1).append(":");
                for (int i = 0; i < g.layer(l).width(); i++) {
                    s.append(" [").append(Arrays.toString(g.layer(l).row(i))).append(" b=").append(g.layer(l).bias(i)).append("]");
                }
            }
            return s.toString();
        }
    }

    /** Small rationals {@code a/b}, {@code |a| <= 6}, {@code 1 <= b <= 4}; 0 first. */
    static Gen<Rational> small() {
        return Gens.zip(Gens.ints(-6, 6), Gens.ints(1, 4), (a, b) -> Rational.of(a, b));
    }

    static Gen<Rational> positive() {
        return Gens.zip(Gens.ints(1, 12), Gens.ints(1, 4), (a, b) -> Rational.of(a, b));
    }

    static Rational[] vector(Source s, int d) {
        Rational[] x = new Rational[d];
        for (int j = 0; j < d; j++) x[j] = small().generate(s);
        return x;
    }

    /**
     * Networks of the given depth with hidden widths in {@code [0, maxWidth]}: each hidden unit is
     * random, dead (zero row, bias -1), a duplicate of the previous unit, or its duplicate whose
     * outgoing weights are negated (so the pair cancels).
     */
    static Gen<Network<Rational>> networks(int d, int depth, int maxWidth) {
        return s -> {
            int[] widths = new int[depth - 1];
            for (int l = 0; l < widths.length; l++) widths[l] = Gens.ints(0, maxWidth).generate(s);
            List<Layer<Rational>> layers = new ArrayList<>();
            int in = d;
            // kind[l][i]: 0 random, 1 dead, 2 duplicate of i-1, 3 cancelling copy of i-1
            int[][] kind = new int[depth][];
            for (int l = 0; l < depth; l++) {
                int width = l < depth - 1 ? widths[l] : 1;
                kind[l] = new int[width];
                Rational[][] w = new Rational[width][in];
                Rational[] b = new Rational[width];
                for (int i = 0; i < width; i++) {
                    int k = l < depth - 1 ? Gens.frequency(List.of(
                            org.ftc.prop.Weighted.of(6, Gens.constant(0)), org.ftc.prop.Weighted.of(1, Gens.constant(1)),
                            org.ftc.prop.Weighted.of(1, Gens.constant(2)), org.ftc.prop.Weighted.of(1, Gens.constant(3)))).generate(s) : 0;
                    if (i == 0 && k >= 2) k = 0;
                    kind[l][i] = k;
                    switch (k) {
                        case 1 -> {
                            Arrays.fill(w[i], Rational.ZERO);
                            b[i] = Rational.MINUS_ONE;
                        }
                        case 2, 3 -> {
                            w[i] = w[i - 1].clone();
                            b[i] = b[i - 1];
                        }
                        default -> {
                            for (int j = 0; j < in; j++) w[i][j] = small().generate(s);
                            b[i] = small().generate(s);
                        }
                    }
                    // a cancelling copy: the next layer reads it with the negated weight of the original
                    if (l > 0) {
                        for (int j = 0; j < in; j++) if (kind[l - 1][j] == 3) w[i][j] = w[i][j - 1].negate();
                    }
                }
                layers.add(new Layer<>(RationalField.INSTANCE, in, w, b));
                in = width;
            }
            return new Network<>(RationalField.INSTANCE, d, layers);
        };
    }

    /** A line for {@code g}: random, through a first-layer kink, through a kink of the restriction, or inside a kink hyperplane. */
    static Gen<NetLine> lineFor(Network<Rational> g) {
        int d = g.inputDimension();
        return s -> {
            Rational[] x0 = vector(s, d);
            Rational[] v = vector(s, d);
            if (Arrays.stream(v).allMatch(Rational::isZero)) v[0] = Rational.ONE;
            int mode = Gens.ints(0, 3).generate(s);
            Layer<Rational> first = g.layer(0);
            String kind = "random line";
            if (mode == 1 || mode == 3) {
                // through the hyperplane of a first-layer unit with a nonzero row
                int unit = first.width() == 0 ? -1 : Gens.ints(0, first.width() - 1).generate(s);
                int j = -1;
                if (unit >= 0) for (int c = 0; c < d && j < 0; c++) if (!first.weight(unit, c).isZero()) j = c;
                if (j >= 0) {
                    Rational acc = first.bias(unit);
                    for (int c = 0; c < d; c++) if (c != j) acc = acc.add(first.weight(unit, c).multiply(x0[c]));
                    x0[j] = acc.negate().divide(first.weight(unit, j));
                    kind = "line through a first-layer kink";
                    if (mode == 3 && d >= 2) {
                        // v orthogonal to the row: the line lies inside the kink hyperplane
                        int k = j == 0 ? 1 : 0;
                        Arrays.fill(v, Rational.ZERO);
                        v[k] = first.weight(unit, j);
                        v[j] = first.weight(unit, k).negate();
                        if (v[j].isZero()) v[j] = Rational.ZERO;
                        kind = "line inside a kink hyperplane";
                    }
                }
            } else if (mode == 2) {
                PiecewiseLinear h = LineRestriction.restrict(g, x0, v);
                List<Rational> bps = h.breakpoints();
                if (!bps.isEmpty()) {
                    Rational t = bps.get(Gens.ints(0, bps.size() - 1).generate(s));
                    for (int c = 0; c < d; c++) x0[c] = x0[c].add(t.multiply(v[c]));
                    v = vector(s, d);
                    if (Arrays.stream(v).allMatch(Rational::isZero)) v[d - 1] = Rational.ONE;
                    kind = "line through a kink of g";
                }
            }
            return new NetLine(g, x0, v, kind);
        };
    }

    /** Random networks of {@code depth} in dimension 1..3 with a line. */
    static Gen<NetLine> netLines(int depth, int maxWidth) {
        return Gens.ints(1, 3).flatMap(d -> networks(d, depth, maxWidth).flatMap(BoundsGens::lineFor));
    }

    /**
     * 3-layer networks built to reach LR3 on a line (proofs-notes/LR3-three-layer-breakpoints.md):
     * first-layer kinks {@code k_1 < ... < k_m1} along the line, all facing right except kink
     * {@code q} ({@code q = m1} for odd {@code m1}, {@code m1 - 1} for even); each second-layer unit's
     * pre-activation takes alternating values at the kinks (phase alternating between units), so its
     * slopes alternate and it crosses zero on every one of the {@code m1 + 1} pieces.
     */
    static Gen<NetLine> extremalThreeLayer() {
        return s -> {
            int d = Gens.ints(1, 3).generate(s);
            int m1 = Gens.ints(3, 5).generate(s);
            int m2 = Gens.ints(1, 3).generate(s);
            Rational[] x0 = vector(s, d);
            Rational[] v = vector(s, d);
            if (Arrays.stream(v).allMatch(Rational::isZero)) v[0] = Rational.ONE;
            Rational vv = Rational.ZERO, vx = Rational.ZERO;
            for (int j = 0; j < d; j++) {
                vv = vv.add(v[j].multiply(v[j]));
                vx = vx.add(v[j].multiply(x0[j]));
            }
            Rational t0 = vx.divide(vv); // row w = a v / (v.v) reads a (t + t0) on the line
            int q = m1 % 2 == 1 ? m1 : m1 - 1; // 1-based index of the left-facing kink
            Rational[] kink = new Rational[m1];
            Rational pos = small().generate(s);
            for (int i = 0; i < m1; i++) {
                kink[i] = pos;
                pos = pos.add(positive().generate(s));
            }
            Rational[][] w1 = new Rational[m1][d];
            Rational[] b1 = new Rational[m1];
            for (int i = 0; i < m1; i++) {
                Rational a = i + 1 == q ? Rational.MINUS_ONE : Rational.ONE;
                for (int j = 0; j < d; j++) w1[i][j] = a.multiply(v[j]).divide(vv);
                // a (t + t0) + b = a (t - k)  =>  b = -a (k + t0)
                b1[i] = a.negate().multiply(kink[i].add(t0));
            }
            Rational[][] w2 = new Rational[m2][m1];
            Rational[] b2 = new Rational[m2];
            for (int u = 0; u < m2; u++) {
                Rational phase = u % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE;
                Rational[] value = new Rational[m1];
                for (int i = 0; i < m1; i++) value[i] = positive().generate(s).multiply(i % 2 == 0 ? phase : phase.negate());
                Rational[] slope = new Rational[m1 + 1]; // slope[i] on piece i (piece 0 left of k_1)
                for (int i = 1; i < m1; i++) slope[i] = value[i].subtract(value[i - 1]).divide(kink[i].subtract(kink[i - 1]));
                if (q == m1) {
                    slope[m1] = positive().generate(s).multiply(phase.negate().multiply(m1 % 2 == 0 ? Rational.MINUS_ONE : Rational.ONE));
                    slope[0] = slope[m1 - 1].subtract(slope[m1]);
                } else {
                    slope[0] = slope[m1 - 2].subtract(slope[m1 - 1]);
                    slope[m1] = positive().generate(s).multiply(phase.multiply(m1 % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE));
                }
                // unit i's output jumps its slope by its weight (both facings), so w = slope jump
                Rational c = value[0];
                for (int i = 0; i < m1; i++) {
                    w2[u][i] = slope[i + 1].subtract(slope[i]);
                    if (i + 1 == q) c = c.subtract(w2[u][i].multiply(kink[i].subtract(kink[0])));
                }
                b2[u] = c;
            }
            Rational[][] w3 = new Rational[1][m2];
            for (int u = 0; u < m2; u++) w3[0][u] = positive().generate(s);
            Network<Rational> g = new Network<>(RationalField.INSTANCE, d, List.of(
                    new Layer<>(RationalField.INSTANCE, d, w1, b1),
                    new Layer<>(RationalField.INSTANCE, m1, w2, b2),
                    new Layer<>(RationalField.INSTANCE, m2, w3, new Rational[] {small().generate(s)})));
            return new NetLine(g, x0, v, "extremal 3-layer");
        };
    }

    /** 1-D data: {@code 1..maxPoints} strictly increasing positions with values. */
    record Data(Rational[] p, Rational[] v) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("data");
            for (int i = 0; i < p.length; i++) s.append(" (").append(p[i]).append(", ").append(v[i]).append(")");
            return s.toString();
        }
    }

    static Gen<Data> data(int minPoints, int maxPoints) {
        return s -> {
            int n = Gens.ints(minPoints, maxPoints).generate(s);
            Rational[] p = new Rational[n];
            Rational[] v = new Rational[n];
            Rational pos = small().generate(s);
            for (int i = 0; i < n; i++) {
                p[i] = pos;
                pos = pos.add(positive().generate(s));
                // values: often 0 (untouched samples), else small
                v[i] = Gens.booleans().generate(s) ? small().generate(s) : Rational.ZERO;
            }
            return new Data(p, v);
        };
    }

    /** Random continuous PL functions: up to {@code maxKnots} knots, random values and end slopes. */
    static Gen<PiecewiseLinear> piecewiseLinear(int maxKnots) {
        return s -> {
            int n = Gens.ints(1, maxKnots).generate(s);
            List<Rational> xs = new ArrayList<>(), vs = new ArrayList<>();
            Rational pos = small().generate(s);
            for (int i = 0; i < n; i++) {
                xs.add(pos);
                pos = pos.add(positive().generate(s));
                vs.add(small().generate(s));
            }
            return PiecewiseLinear.of(xs, vs, small().generate(s), small().generate(s));
        };
    }

    /** Sorted distinct sample positions: {@code 1..maxPoints} of them, from small rationals. */
    static Gen<Rational[]> positions(int maxPoints) {
        return s -> {
            int n = Gens.ints(1, maxPoints).generate(s);
            Rational[] p = new Rational[n];
            Rational pos = small().generate(s).multiply(Rational.TWO);
            for (int i = 0; i < n; i++) {
                p[i] = pos;
                pos = pos.add(positive().generate(s).divide(Rational.TWO));
            }
            return p;
        };
    }
}
