package org.ftc.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Rational;

/**
 * An exact continuous piecewise-linear function {@code R -> R}.
 *
 * <p>Held as knots {@code x_0 < ... < x_n} (at least one) with the values there, the slope left of
 * the first knot and the slope right of the last; between knots it is linear. A knot need not be a
 * breakpoint: {@link #breakpoints()} keeps only the knots where the slope really changes.
 */
public final class PiecewiseLinear {
    private final Rational[] knots;
    private final Rational[] values;
    private final Rational leftSlope;
    private final Rational rightSlope;

    private PiecewiseLinear(Rational[] knots, Rational[] values, Rational leftSlope, Rational rightSlope) {
        this.knots = knots;
        this.values = values;
        this.leftSlope = leftSlope;
        this.rightSlope = rightSlope;
    }

    /** Builds from knots (strictly increasing, at least one), values at the knots and the two outer slopes. */
    public static PiecewiseLinear of(List<Rational> knots, List<Rational> values, Rational leftSlope, Rational rightSlope) {
        if (knots.isEmpty()) throw new IllegalArgumentException("a piecewise-linear function needs at least one knot");
        if (knots.size() != values.size()) throw new IllegalArgumentException("knots and values differ in length");
        for (int i = 1; i < knots.size(); i++) {
            if (knots.get(i - 1).compareTo(knots.get(i)) >= 0) throw new IllegalArgumentException("knots must increase strictly");
        }
        return new PiecewiseLinear(knots.toArray(new Rational[0]), values.toArray(new Rational[0]), leftSlope, rightSlope);
    }

    /** {@code slope * t + intercept}. */
    public static PiecewiseLinear affine(Rational slope, Rational intercept) {
        return new PiecewiseLinear(new Rational[] {Rational.ZERO}, new Rational[] {intercept}, slope, slope);
    }

    public int knotCount() {
        return knots.length;
    }

    public Rational knot(int i) {
        return knots[i];
    }

    public Rational valueAtKnot(int i) {
        return values[i];
    }

    public Rational leftSlope() {
        return leftSlope;
    }

    public Rational rightSlope() {
        return rightSlope;
    }

    /** Slope on {@code (x_{i-1}, x_i)}: {@code i = 0} is the left ray, {@code i = n+1} the right ray. */
    public Rational slopeBefore(int i) {
        if (i == 0) return leftSlope;
        if (i == knots.length) return rightSlope;
        return values[i].subtract(values[i - 1]).divide(knots[i].subtract(knots[i - 1]));
    }

    /** The points where the slope changes, increasing. */
    public List<Rational> breakpoints() {
        List<Rational> out = new ArrayList<>();
        for (int i = 0; i < knots.length; i++) {
            if (slopeBefore(i).compareTo(slopeBefore(i + 1)) != 0) out.add(knots[i]);
        }
        return out;
    }

    /** The value at {@code t}, exactly. */
    public Rational valueAt(Rational t) {
        int pos = Arrays.binarySearch(knots, t);
        if (pos >= 0) return values[pos];
        int right = -pos - 1;
        if (right == 0) return values[0].add(leftSlope.multiply(t.subtract(knots[0])));
        int n = knots.length;
        if (right == n) return values[n - 1].add(rightSlope.multiply(t.subtract(knots[n - 1])));
        Rational slope = slopeBefore(right);
        return values[right - 1].add(slope.multiply(t.subtract(knots[right - 1])));
    }

    /**
     * Values at increasing points {@code ts}, by one merge-walk over knots and points
     * ({@code O(n + k)} instead of a binary search per point).
     */
    public Rational[] valuesAtSorted(Rational[] ts) {
        Rational[] out = new Rational[ts.length];
        int k = 0;
        // On the piece left of knots[k] the function is slope * t + intercept, both computed once
        // per piece that holds a point (one product and one sum per point after that).
        int piece = -1;
        Rational slope = null, intercept = null;
        for (int i = 0; i < ts.length; i++) {
            if (i > 0 && ts[i - 1].compareTo(ts[i]) > 0) throw new IllegalArgumentException("points must be sorted");
            while (k < knots.length && knots[k].compareTo(ts[i]) < 0) k++;
            // knots[k-1] < ts[i] <= knots[k]
            if (k < knots.length && knots[k].compareTo(ts[i]) == 0) {
                out[i] = values[k];
                continue;
            }
            if (piece != k) {
                piece = k;
                int anchor = k == 0 ? 0 : k - 1;
                slope = slopeBefore(k);
                intercept = values[anchor].subtract(slope.multiply(knots[anchor]));
            }
            out[i] = slope.multiply(ts[i]).add(intercept);
        }
        return out;
    }

    /** {@code max(this, 0)}: a knot is added wherever the function crosses zero strictly between knots. */
    public PiecewiseLinear relu() {
        List<Rational> xs = new ArrayList<>(knots.length + 2);
        List<Rational> vs = new ArrayList<>(knots.length + 2);
        int n = knots.length;
        // Crossing on the left ray: v0 + s (t - x0) = 0 at t = x0 - v0/s, which lies left of x0
        // exactly when v0 and s have the same (nonzero) sign.
        if (leftSlope.signum() != 0 && values[0].signum() == leftSlope.signum()) {
            xs.add(knots[0].subtract(values[0].divide(leftSlope)));
            vs.add(Rational.ZERO);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && values[i - 1].signum() * values[i].signum() < 0) {
                Rational a = values[i - 1], b = values[i];
                // zero of the segment: x_{i-1} + (x_i - x_{i-1}) * a / (a - b)
                Rational t = knots[i - 1].add(knots[i].subtract(knots[i - 1]).multiply(a.divide(a.subtract(b))));
                xs.add(t);
                vs.add(Rational.ZERO);
            }
            xs.add(knots[i]);
            vs.add(values[i].signum() > 0 ? values[i] : Rational.ZERO);
        }
        if (rightSlope.signum() != 0 && values[n - 1].signum() == -rightSlope.signum()) {
            xs.add(knots[n - 1].subtract(values[n - 1].divide(rightSlope)));
            vs.add(Rational.ZERO);
        }
        // Far left the function is v0 + s (t - x0): positive there iff s < 0 (or s = 0 and v0 > 0).
        Rational firstValue = values[0];
        Rational newLeft = leftSlope.signum() < 0 || (leftSlope.signum() == 0 && firstValue.signum() > 0) ? leftSlope : Rational.ZERO;
        Rational lastValue = values[n - 1];
        Rational newRight = rightSlope.signum() > 0 || (rightSlope.signum() == 0 && lastValue.signum() > 0) ? rightSlope : Rational.ZERO;
        return new PiecewiseLinear(xs.toArray(new Rational[0]), vs.toArray(new Rational[0]), newLeft, newRight);
    }

    /**
     * {@code bias + sum_k coefficients[k] * functions[k]}, in {@code O(B log B)} for {@code B} knots in
     * all: the sum is assembled from slope jumps, not by evaluating every function at every knot.
     */
    public static PiecewiseLinear linearCombination(List<Rational> coefficients, List<PiecewiseLinear> functions, Rational bias) {
        if (coefficients.size() != functions.size()) throw new IllegalArgumentException("coefficients and functions differ in number");
        Rational left = Rational.ZERO;
        int total = 0;
        for (PiecewiseLinear f : functions) total += f.knots.length;
        Rational[] at = new Rational[total];
        Rational[] jump = new Rational[total];
        int e = 0;
        Rational anchor = null;
        for (int k = 0; k < functions.size(); k++) {
            Rational c = coefficients.get(k);
            if (c.isZero()) continue;
            PiecewiseLinear f = functions.get(k);
            left = left.add(c.multiply(f.leftSlope));
            for (int i = 0; i < f.knots.length; i++) {
                Rational dj = f.slopeBefore(i + 1).subtract(f.slopeBefore(i));
                if (dj.isZero()) continue;
                at[e] = f.knots[i];
                jump[e] = c.multiply(dj);
                if (anchor == null || f.knots[i].compareTo(anchor) < 0) anchor = f.knots[i];
                e++;
            }
        }
        if (anchor == null) anchor = Rational.ZERO;
        Rational anchorValue = bias;
        for (int k = 0; k < functions.size(); k++) {
            Rational c = coefficients.get(k);
            if (!c.isZero()) anchorValue = anchorValue.add(c.multiply(functions.get(k).valueAt(anchor)));
        }
        Integer[] order = new Integer[e];
        for (int i = 0; i < e; i++) order[i] = i;
        final Rational[] positions = at;
        Arrays.sort(order, (a, b) -> positions[a].compareTo(positions[b]));
        List<Rational> xs = new ArrayList<>();
        List<Rational> vs = new ArrayList<>();
        Rational slope = left;
        Rational x = anchor;
        Rational v = anchorValue;
        xs.add(anchor);
        vs.add(anchorValue);
        int i = 0;
        // The anchor is the leftmost event (or 0 when there is none); fold the jumps there first.
        while (i < e && at[order[i]].compareTo(anchor) == 0) slope = slope.add(jump[order[i++]]);
        while (i < e) {
            Rational p = at[order[i]];
            v = v.add(slope.multiply(p.subtract(x)));
            x = p;
            while (i < e && at[order[i]].compareTo(p) == 0) slope = slope.add(jump[order[i++]]);
            xs.add(p);
            vs.add(v);
        }
        return new PiecewiseLinear(xs.toArray(new Rational[0]), vs.toArray(new Rational[0]), left, slope);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PL[left slope ").append(leftSlope);
        for (int i = 0; i < knots.length; i++) s.append(", (").append(knots[i]).append(", ").append(values[i]).append(")");
        return s.append(", right slope ").append(rightSlope).append("]").toString();
    }
}
