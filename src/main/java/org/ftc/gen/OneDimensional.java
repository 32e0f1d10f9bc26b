package org.ftc.gen;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.net.PiecewiseLinear;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;

/**
 * One-dimensional material for the breakpoint bounds (MB, T2L): strictly increasing positions,
 * data {@code (p_i, v_i)} and continuous piecewise-linear functions. Positions start at a small
 * fraction and step by small positive fractions ({@link Numbers#smallFractions}, {@link Numbers#smallGaps}),
 * so equal slopes and collinear runs are common. The all-zero choice sequence gives the simplest
 * value (one point at 0 with value 0).
 */
public final class OneDimensional {
    private OneDimensional() {
    }

    /** 1-D data: strictly increasing positions {@code p} with values {@code v}. */
    public record Data(Rational[] p, Rational[] v) {
        public Data {
            if (p.length == 0 || p.length != v.length) throw new IllegalArgumentException("need as many values as positions, at least one");
            p = p.clone();
            v = v.clone();
        }

        @Override
        public Rational[] p() {
            return p.clone();
        }

        @Override
        public Rational[] v() {
            return v.clone();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("data");
            for (int i = 0; i < p.length; i++) s.append(" (").append(p[i]).append(", ").append(v[i]).append(")");
            return s.toString();
        }
    }

    /** {@code n} strictly increasing positions: a small start, then small positive gaps. */
    public static Gen<Rational[]> increasing(int n) {
        return increasing(n, Rational.ONE, Rational.ONE);
    }

    /** Like {@link #increasing(int)} with the start scaled by {@code startScale} and the gaps by {@code gapScale}. */
    private static Gen<Rational[]> increasing(int n, Rational startScale, Rational gapScale) {
        if (n < 0) throw new IllegalArgumentException("n must be non-negative, got " + n);
        Gen<Rational> start = Numbers.smallFractions(), gap = Numbers.smallGaps();
        return s -> {
            Rational[] p = new Rational[n];
            Rational pos = start.generate(s).multiply(startScale);
            for (int i = 0; i < n; i++) {
                p[i] = pos;
                pos = pos.add(gap.generate(s).multiply(gapScale));
            }
            return p;
        };
    }

    /**
     * {@code minPoints..maxPoints} points; each value is 0 half the time (an untouched sample, a
     * residual of 0) and a small fraction otherwise.
     */
    public static Gen<Data> data(int minPoints, int maxPoints) {
        if (minPoints < 1 || minPoints > maxPoints) throw new IllegalArgumentException("need 1 <= minPoints <= maxPoints");
        Gen<Rational> start = Numbers.smallFractions(), gap = Numbers.smallGaps(), value = Numbers.smallFractions();
        return s -> {
            int n = Gens.ints(minPoints, maxPoints).generate(s);
            Rational[] p = new Rational[n];
            Rational[] v = new Rational[n];
            Rational pos = start.generate(s);
            for (int i = 0; i < n; i++) {
                p[i] = pos;
                pos = pos.add(gap.generate(s));
                // 0: zero (simplest), 1: any small value, 2: on the line through the previous two
                // points, so that collinear runs meet at data points (where only a jump exactly at
                // a data point reaches the minimum).
                int kind = (int) s.choice(2);
                if (kind == 2 && i >= 2) {
                    Rational slope = v[i - 1].subtract(v[i - 2]).divide(p[i - 1].subtract(p[i - 2]));
                    v[i] = v[i - 1].add(slope.multiply(p[i].subtract(p[i - 1])));
                } else {
                    v[i] = kind == 0 ? Rational.ZERO : value.generate(s);
                }
            }
            return new Data(p, v);
        };
    }

    /** Continuous PL functions: {@code 1..maxKnots} knots with small values and small end slopes. */
    public static Gen<PiecewiseLinear> piecewiseLinear(int maxKnots) {
        if (maxKnots < 1) throw new IllegalArgumentException("maxKnots must be at least 1, got " + maxKnots);
        Gen<Rational> start = Numbers.smallFractions(), gap = Numbers.smallGaps(), value = Numbers.smallFractions();
        return s -> {
            int n = Gens.ints(1, maxKnots).generate(s);
            List<Rational> xs = new ArrayList<>(), vs = new ArrayList<>();
            Rational pos = start.generate(s);
            for (int i = 0; i < n; i++) {
                xs.add(pos);
                pos = pos.add(gap.generate(s));
                vs.add(value.generate(s));
            }
            return PiecewiseLinear.of(xs, vs, value.generate(s), value.generate(s));
        };
    }

    /**
     * {@code 1..maxPoints} sorted distinct sample positions, for sampling a PL function or a network
     * on a line: a start twice as wide and gaps half as long as {@link #increasing(int)}, so the
     * samples reach past the knots on both sides and several fall between two knots.
     */
    public static Gen<Rational[]> positions(int maxPoints) {
        if (maxPoints < 1) throw new IllegalArgumentException("maxPoints must be at least 1, got " + maxPoints);
        return Gens.ints(1, maxPoints).flatMap(n -> increasing(n, Rational.TWO, Rational.of(1, 2)));
    }
}
