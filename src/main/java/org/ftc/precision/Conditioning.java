package org.ftc.precision;

import org.ftc.arith.Rational;
import org.ftc.construct.Projection;
import org.ftc.instance.Residuals;

/**
 * What the rounding error of a construction depends on (proofs-notes/precision-error-bound.md):
 * the dimension {@code d}, the magnitude {@code T = 1 + max_x sum_i |u_i x_i|} of the projections,
 * the smallest projected gap {@code gamma = min (t_{j+1} - t_j)} between distinct sorted points
 * and 1 (T2U's virtual neighbours are at distance 1), and the largest residual
 * {@code R = max |r|}. All exact.
 */
public record Conditioning(int d, Rational magnitude, Rational gap, Rational residual) {
    public Conditioning {
        if (d < 1) throw new IllegalArgumentException("d must be at least 1, got " + d);
        if (magnitude.signum() <= 0 || gap.signum() <= 0 || residual.signum() < 0) {
            throw new IllegalArgumentException("magnitude and gap must be positive, residual non-negative");
        }
    }

    public static Conditioning of(Residuals residuals) {
        int n = residuals.size();
        int d = Math.max(residuals.dimension(), 1);
        if (n == 0) return new Conditioning(d, Rational.ONE, Rational.ONE, Rational.ZERO);
        Projection p = Projection.find(residuals.pointsView());
        Rational[] u = p.direction();
        Rational magnitude = Rational.ZERO;
        Rational r = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            Rational[] x = residuals.pointsView()[i];
            Rational s = Rational.ZERO;
            for (int j = 0; j < x.length; j++) s = s.add(u[j].multiply(x[j]).abs());
            magnitude = magnitude.max(s);
            r = r.max(residuals.value(i).abs());
        }
        magnitude = magnitude.add(Rational.ONE);
        Rational[] t = p.sortedT();
        // T2U's virtual neighbours sit at distance 1, so 1 counts as a gap too (and covers K = 1).
        Rational gap = Rational.ONE;
        for (int j = 1; j < t.length; j++) gap = gap.min(t[j].subtract(t[j - 1]));
        return new Conditioning(d, magnitude, gap, r);
    }

    /** {@code T / gamma}, at least 1. */
    public Rational spread() {
        return magnitude.divide(gap);
    }
}
