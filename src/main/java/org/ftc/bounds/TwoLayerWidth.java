package org.ftc.bounds;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.construct.RampSum;
import org.ftc.net.PiecewiseLinear;

/**
 * O2: the least width of a 2-layer ReLU network through 1-D data {@code p_0 < ... < p_n},
 * {@code v_i}, with a witness network of exactly that width. See proofs-notes/O2-two-layer-width.md.
 *
 * <p>The width is {@code MB} or {@code MB + 1}: a width-{@code m} net has at most {@code m}
 * breakpoints (so at least MB units), and the MB witness plus one right-facing unit left of
 * {@code p_0} (which makes the far-left slope 0) is a network. Which of the two is decided exactly
 * by {@link RampLayoutSearch} at {@code m = MB}: width MB iff some MB-breakpoint interpolant's
 * slope jumps split into right- and left-facing units (the <em>subset condition</em>: the far-left
 * slope plus the jumps of the left-facing units is 0).
 */
public final class TwoLayerWidth {
    private TwoLayerWidth() {
    }

    /**
     * The least width, the data's MB, and a network of that width (1-D, {@code t = x}) that
     * interpolates the data exactly.
     */
    public record Result(int width, int minimumBreakpoints, RampSum witness) {
        /** True when the least width is one more than MB (the subset condition fails for every MB interpolant). */
        public boolean needsExtraUnit() {
            return width > minimumBreakpoints;
        }
    }

    public static Result solve(Rational[] p, Rational[] v) {
        MinimumBreakpoints.Result mb = MinimumBreakpoints.solve(p, v);
        int b = mb.breakpoints();
        RampSum atMb = RampLayoutSearch.find(p, v, b);
        RampSum witness = atMb != null ? atMb : withLeftUnit(mb.witness(), p[0], v[0]);
        for (int i = 0; i < p.length; i++) {
            if (witness.valueAt(p[i]).compareTo(v[i]) != 0) {
                throw new IllegalStateException("O2 witness misses data point " + i + ": " + witness + " (a bug)");
            }
        }
        int width = atMb != null ? b : b + 1;
        if (witness.width() > width) throw new IllegalStateException("O2 witness has " + witness.width() + " units, claimed " + width);
        return new Result(width, b, witness);
    }

    /** Only the least width. */
    public static int width(Rational[] p, Rational[] v) {
        return solve(p, v).width();
    }

    /**
     * The MB witness {@code h} as right-facing ramps at its breakpoints, plus one ramp at
     * {@code p_0 - 1} carrying its far-left slope: equal to {@code h} on {@code [p_0 - 1, inf)}.
     */
    static RampSum withLeftUnit(PiecewiseLinear h, Rational p0, Rational v0) {
        List<RampSum.Ramp> ramps = new ArrayList<>();
        ramps.add(new RampSum.Ramp(p0.subtract(Rational.ONE), true, h.leftSlope()));
        for (int i = 0; i < h.knotCount(); i++) {
            Rational jump = h.slopeBefore(i + 1).subtract(h.slopeBefore(i));
            if (!jump.isZero()) ramps.add(new RampSum.Ramp(h.knot(i), true, jump));
        }
        return RampSum.through(ramps, p0, v0).withoutZeroRamps();
    }

    /**
     * Zigzag data: every secant nonzero and consecutive secants of opposite signs (vacuous for one
     * point). By the characterisation (proofs-notes/O2-two-layer-width.md) these are exactly the data
     * of {@code K <= 4} points that need {@code K - 1} units.
     */
    public static boolean isZigzag(Rational[] p, Rational[] v) {
        int previous = 0;
        for (int i = 0; i + 1 < p.length; i++) {
            int sign = v[i + 1].subtract(v[i]).signum();
            if (sign == 0 || sign == previous) return false;
            previous = sign;
        }
        return true;
    }
}
