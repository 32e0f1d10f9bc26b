package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * The 2-layer constructions that count samples instead of changes (F2): {@code K - 2} units for
 * every instance whose projected data are not a zigzag of at most 4 points, {@code K - 1} for every
 * instance ({@code K} = distinct samples). With T2U ({@code 3N}) they reach {@code FTC_2(N, K)} on
 * every instance ({@link TwoLayerExact}). Exact arithmetic. Proofs: proofs-notes/O2-two-layer-width.md
 * (the characterisation) and proofs-notes/FTC2-exact-table.md.
 *
 * <p>On the sorted projections {@code p_0 < ... < p_n} with residuals {@code v_i} and secants
 * {@code s_i}: a zero secant gives a zero piece to the interpolant with knots at the interior
 * points; two consecutive secants of one sign let one knot move so that a piece gets slope 0; a
 * zigzag of at least 5 points uses one right and two left units in intervals 1 to 3. Any such
 * interpolant with a zero piece is a network: left ramps for the knots left of the zero piece,
 * right ramps for the others.
 */
public final class TwoLayerFewSamples {
    private TwoLayerFewSamples() {
    }

    /** The network for an instance: {@code K - 2} units when possible, else {@code K - 1}. */
    public static Network<Rational> construct(Instance instance) {
        // The distinct points in projected order with their residuals (the same line as T3U and T3C).
        SortedLine line = SortedLine.of(Residuals.of(instance));
        Rational[] p = line.t, v = line.v;
        Rational[] u = new Rational[instance.dimension()];
        for (int j = 0; j < u.length; j++) u[j] = Rational.of(line.projection.u()[j]);
        return onLine(p, v).network(u);
    }

    /** 1-D: a ramp sum through {@code (p_i, v_i)} with at most {@code K - 2} units unless the data are a zigzag of at most 4 points. */
    public static RampSum onLine(Rational[] p, Rational[] v) {
        int k = p.length;
        if (k == 1) return RampSum.through(List.of(), p[0], v[0]);
        int n = k - 1;
        Rational[] s = new Rational[n];
        for (int i = 0; i < n; i++) s[i] = v[i + 1].subtract(v[i]).divide(p[i + 1].subtract(p[i]));
        Interpolant h = null;
        for (int i = 0; i < n && h == null; i++) if (s[i].isZero()) h = zeroSecant(p, s, i);
        for (int i = 1; i < n && h == null; i++) if (s[i - 1].signum() == s[i].signum()) h = sameSign(p, v, s, i);
        if (h == null) h = k >= 5 ? zigzag(p, s) : kMinusOne(p, s);
        RampSum sum = h.ramps(p[0], v[0]);
        for (int i = 0; i < k; i++) {
            if (sum.valueAt(p[i]).compareTo(v[i]) != 0) throw new IllegalStateException("few-sample construction misses point " + i + ": " + sum + " (a bug)");
        }
        return sum;
    }

    /** The width {@link #onLine} uses at most: {@code K - 2}, or {@code K - 1} for a zigzag of at most 4 points ({@code 0} for one point). */
    public static int widthBound(Rational[] p, Rational[] v) {
        int k = p.length;
        if (k == 1) return 0;
        boolean zigzag = true;
        int previous = 0;
        for (int i = 0; i + 1 < k; i++) {
            int sign = v[i + 1].subtract(v[i]).signum();
            if (sign == 0 || sign == previous) zigzag = false;
            previous = sign;
        }
        return zigzag && k <= 4 ? k - 1 : k - 2;
    }

    /**
     * A continuous PL function given by its far-left slope and its knots, each with the slope right of
     * it and the facing of the ramp that makes it; the ramps reproduce the function when the far-left
     * slope plus the jumps of the left-facing knots is 0 (checked by the caller on the data).
     */
    private record Interpolant(Rational initialSlope, List<Rational> knots, List<Rational> slopes, List<Boolean> facesRight) {
        RampSum ramps(Rational p0, Rational v0) {
            List<RampSum.Ramp> out = new ArrayList<>();
            Rational before = initialSlope;
            for (int j = 0; j < knots.size(); j++) {
                out.add(new RampSum.Ramp(knots.get(j), facesRight.get(j), slopes.get(j).subtract(before)));
                before = slopes.get(j);
            }
            return RampSum.through(out, p0, v0).withoutZeroRamps();
        }
    }

    /** Builds an interpolant knot by knot; knots added before {@link #zeroPieceStarts()} face left. */
    private static final class Builder {
        final Rational initial;
        final List<Rational> knots = new ArrayList<>(), slopes = new ArrayList<>();
        final List<Boolean> right = new ArrayList<>();
        boolean afterZero;

        Builder(Rational initial) {
            this.initial = initial;
            afterZero = initial.isZero();
        }

        Builder knot(Rational at, Rational slopeAfter) {
            knots.add(at);
            slopes.add(slopeAfter);
            right.add(afterZero);
            if (slopeAfter.isZero()) afterZero = true;
            return this;
        }

        Builder knot(Rational at, Rational slopeAfter, boolean facesRight) {
            knots.add(at);
            slopes.add(slopeAfter);
            right.add(facesRight);
            return this;
        }

        Interpolant build() {
            return new Interpolant(initial, knots, slopes, right);
        }
    }

    /** Knots at the interior points; piece {@code i} has slope {@code s_i = 0}. */
    private static Interpolant zeroSecant(Rational[] p, Rational[] s, int i) {
        Builder b = new Builder(s[0]);
        for (int j = 1; j < s.length; j++) b.knot(p[j], s[j]);
        return b.build();
    }

    /** {@code s_{i-1}}, {@code s_i} nonzero of one sign: move the knot at {@code p_i} so that a piece has slope 0. */
    private static Interpolant sameSign(Rational[] p, Rational[] v, Rational[] s, int i) {
        int n = s.length;
        if (s[i - 1].abs().compareTo(s[i].abs()) <= 0) {
            // slope 0 on [p_{i-1}, q], then s_i: q = p_i - s_{i-1} (p_i - p_{i-1}) / s_i in [p_{i-1}, p_i)
            Rational q = p[i].subtract(s[i - 1].multiply(p[i].subtract(p[i - 1])).divide(s[i]));
            Builder b = new Builder(i - 1 == 0 ? Rational.ZERO : s[0]);
            for (int j = 1; j <= i - 2; j++) b.knot(p[j], s[j]);
            if (i - 1 >= 1) b.knot(p[i - 1], Rational.ZERO);
            b.knot(q, s[i]);
            for (int j = i + 1; j < n; j++) b.knot(p[j], s[j]);
            return b.build();
        }
        // slope s_{i-1} from p_{i-1} to q' = p_{i-1} + (v_{i+1} - v_{i-1}) / s_{i-1} in (p_i, p_{i+1}), then 0
        Rational q = p[i - 1].add(v[i + 1].subtract(v[i - 1]).divide(s[i - 1]));
        Builder b = new Builder(s[0]);
        for (int j = 1; j <= i - 1; j++) b.knot(p[j], s[j]);
        b.knot(q, Rational.ZERO);
        for (int j = i + 1; j < n; j++) b.knot(p[j], s[j]);
        return b.build();
    }

    /** A zigzag of at least 5 points: one right unit in interval 1, left units in intervals 2 and 3, knots from {@code p_4} on. */
    private static Interpolant zigzag(Rational[] p, Rational[] s) {
        Rational sign = Rational.of(s[0].signum());
        Rational s0 = s[0].multiply(sign), s1 = s[1].multiply(sign), s2 = s[2].multiply(sign), s3 = s[3].multiply(sign);
        Rational b3 = s3.min(s1.subtract(s0)), b1 = b3.add(s0), b2 = s2;
        // interval 1: slope s0 on a fraction lambda, then b1 (s1 strictly between them)
        Rational q1 = p[1].add(s1.subtract(b1).divide(s0.subtract(b1)).multiply(p[2].subtract(p[1])));
        Rational q2 = p[2]; // interval 2 has slope b2 = s2 throughout
        Rational q3 = p[3].add(s3.subtract(b3).divide(b2.subtract(b3)).multiply(p[4].subtract(p[3])));
        Builder b = new Builder(s[0]);
        b.knot(q1, b1.multiply(sign), true).knot(q2, b2.multiply(sign), false).knot(q3, b3.multiply(sign), false);
        for (int j = 4; j < s.length; j++) b.knot(p[j], s[j], true);
        return b.build();
    }

    /** Any data: knots at the interior points and one right ramp left of {@code p_0}. */
    private static Interpolant kMinusOne(Rational[] p, Rational[] s) {
        Builder b = new Builder(Rational.ZERO);
        b.knot(p[0].subtract(Rational.ONE), s[0], true);
        for (int j = 1; j < s.length; j++) b.knot(p[j], s[j], true);
        return b.build();
    }
}
