package org.ftc.gen;

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
 * A network with a line {@code x0 + t v} in its input space, for the line-restriction bounds
 * (LR2, LR3, LRL) and MB: random lines, lines through a first-layer kink, through a kink of the
 * restriction, inside a kink hyperplane, and the extremal 3-layer networks that reach LR3. Weights
 * and coordinates are small fractions ({@link Numbers#smallFractions}) so that kinks coincide often. The
 * all-zero choice sequence gives the simplest network and line.
 */
public final class Lines {
    private Lines() {
    }

    /** A network and a line {@code x0 + t v} ({@code v != 0}) in its input space; {@code kind} names how the line was chosen. */
    public record NetworkLine(Network<Rational> g, Rational[] x0, Rational[] v, String kind) {
        public NetworkLine {
            if (x0.length != g.inputDimension() || v.length != g.inputDimension()) throw new IllegalArgumentException("line and network dimensions differ");
            if (Arrays.stream(v).allMatch(Rational::isZero)) throw new IllegalArgumentException("the direction v must be nonzero");
            x0 = x0.clone();
            v = v.clone();
        }

        @Override
        public Rational[] x0() {
            return x0.clone();
        }

        @Override
        public Rational[] v() {
            return v.clone();
        }

        /** {@code t -> g(x0 + t v)}, exact. */
        public PiecewiseLinear restriction() {
            return LineRestriction.restrict(g, x0, v);
        }

        /** The point {@code x0 + t v}. */
        public Rational[] at(Rational t) {
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

    /** Random networks of depth {@code depth} in dimension 1..3, each with a line ({@link #lineFor}). */
    public static Gen<NetworkLine> onNetworks(int depth, int maxWidth) {
        return Gens.ints(1, 3).flatMap(d -> Networks.smallWeights(d, depth, maxWidth).flatMap(Lines::lineFor));
    }

    /** A nonzero direction in {@code Q^d}. */
    public static Gen<Rational[]> directions(int d) {
        return Samples.points(d, Numbers.smallFractions()).map(v -> {
            if (Arrays.stream(v).allMatch(Rational::isZero)) v[0] = Rational.ONE;
            return v;
        });
    }

    /** A line for {@code g}: random, through a first-layer kink, through a kink of the restriction, or inside a kink hyperplane. */
    public static Gen<NetworkLine> lineFor(Network<Rational> g) {
        int d = g.inputDimension();
        Gen<Rational[]> points = Samples.points(d, Numbers.smallFractions());
        return s -> {
            Rational[] x0 = points.generate(s);
            Rational[] v = directions(d).generate(s);
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
                        kind = "line inside a kink hyperplane";
                    }
                }
            } else if (mode == 2) {
                List<Rational> bps = LineRestriction.restrict(g, x0, v).breakpoints();
                if (!bps.isEmpty()) {
                    Rational t = bps.get(Gens.ints(0, bps.size() - 1).generate(s));
                    for (int c = 0; c < d; c++) x0[c] = x0[c].add(t.multiply(v[c]));
                    v = directions(d).generate(s);
                    kind = "line through a kink of g";
                }
            }
            return new NetworkLine(g, x0, v, kind);
        };
    }

    /**
     * 3-layer networks built to reach LR3 on a line (proofs-notes/LR3-three-layer-breakpoints.md):
     * first-layer kinks {@code k_1 < ... < k_m1} along the line, all facing right except kink
     * {@code q} ({@code q = m1} for odd {@code m1}, {@code m1 - 1} for even); each second-layer unit's
     * pre-activation takes alternating values at the kinks (phase alternating between units), so its
     * slopes alternate and it crosses zero on every one of the {@code m1 + 1} pieces.
     */
    public static Gen<NetworkLine> extremalThreeLayer() {
        Gen<Rational> small = Numbers.smallFractions(), positive = Numbers.smallGaps();
        return s -> {
            int d = Gens.ints(1, 3).generate(s);
            int m1 = Gens.ints(3, 5).generate(s);
            int m2 = Gens.ints(1, 3).generate(s);
            Rational[] x0 = Samples.points(d, small).generate(s);
            Rational[] v = directions(d).generate(s);
            Rational vv = Rational.ZERO, vx = Rational.ZERO;
            for (int j = 0; j < d; j++) {
                vv = vv.add(v[j].multiply(v[j]));
                vx = vx.add(v[j].multiply(x0[j]));
            }
            Rational t0 = vx.divide(vv); // row w = a v / (v.v) reads a (t + t0) on the line
            int q = m1 % 2 == 1 ? m1 : m1 - 1; // 1-based index of the left-facing kink
            Rational[] kink = OneDimensional.increasing(m1).generate(s);
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
                for (int i = 0; i < m1; i++) value[i] = positive.generate(s).multiply(i % 2 == 0 ? phase : phase.negate());
                Rational[] slope = new Rational[m1 + 1]; // slope[i] on piece i (piece 0 left of k_1)
                for (int i = 1; i < m1; i++) slope[i] = value[i].subtract(value[i - 1]).divide(kink[i].subtract(kink[i - 1]));
                if (q == m1) {
                    slope[m1] = positive.generate(s).multiply(phase.negate().multiply(m1 % 2 == 0 ? Rational.MINUS_ONE : Rational.ONE));
                    slope[0] = slope[m1 - 1].subtract(slope[m1]);
                } else {
                    slope[0] = slope[m1 - 2].subtract(slope[m1 - 1]);
                    slope[m1] = positive.generate(s).multiply(phase.multiply(m1 % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE));
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
            for (int u = 0; u < m2; u++) w3[0][u] = positive.generate(s);
            RationalField q1 = RationalField.INSTANCE;
            Network<Rational> g = new Network<>(q1, d, List.of(
                    new Layer<>(q1, d, w1, b1),
                    new Layer<>(q1, m1, w2, b2),
                    new Layer<>(q1, m2, w3, new Rational[] {small.generate(s)})));
            return new NetworkLine(g, x0, v, "extremal 3-layer");
        };
    }
}
