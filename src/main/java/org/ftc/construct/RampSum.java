package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * A 2-layer network read along one direction: {@code g(x) = c + sum_k w_k relu(e_k (t - q_k))} with
 * {@code t = u . x}, where each ramp faces right ({@code e_k = +1}: zero left of {@code q_k}) or left
 * ({@code e_k = -1}: zero right of {@code q_k}). Every hidden unit is one ramp, so the width is the
 * number of ramps. Used by the 1-D width oracle (O2) and by the few-sample constructions (F2).
 */
public final class RampSum {
    /** One hidden unit: {@code weight * relu(t - at)} if it faces right, {@code weight * relu(at - t)} if left. */
    public record Ramp(Rational at, boolean facesRight, Rational weight) {
        public Rational valueAt(Rational t) {
            Rational z = facesRight ? t.subtract(at) : at.subtract(t);
            return z.signum() > 0 ? weight.multiply(z) : Rational.ZERO;
        }
    }

    private final List<Ramp> ramps;
    private final Rational bias;

    public RampSum(List<Ramp> ramps, Rational bias) {
        this.ramps = List.copyOf(ramps);
        this.bias = bias;
    }

    /** The ramps through {@code (p_0, v_0)}: the bias is chosen so that the sum takes {@code v0} at {@code p0}. */
    public static RampSum through(List<Ramp> ramps, Rational p0, Rational v0) {
        Rational at = Rational.ZERO;
        for (Ramp r : ramps) at = at.add(r.valueAt(p0));
        return new RampSum(ramps, v0.subtract(at));
    }

    public List<Ramp> ramps() {
        return ramps;
    }

    public Rational bias() {
        return bias;
    }

    public int width() {
        return ramps.size();
    }

    public Rational valueAt(Rational t) {
        Rational acc = bias;
        for (Ramp r : ramps) acc = acc.add(r.valueAt(t));
        return acc;
    }

    /** This sum without the ramps of weight zero (they add nothing). */
    public RampSum withoutZeroRamps() {
        List<Ramp> kept = new ArrayList<>();
        for (Ramp r : ramps) if (!r.weight().isZero()) kept.add(r);
        return new RampSum(kept, bias);
    }

    /** The 1-D network ({@code d = 1}, {@code t = x}). */
    public Network<Rational> network() {
        return network(new Rational[] {Rational.ONE});
    }

    /** The network on {@code Q^d} reading {@code t = u . x}: first-layer row {@code e_k u}, bias {@code -e_k q_k}. */
    public Network<Rational> network(Rational[] u) {
        RationalField f = RationalField.INSTANCE;
        int m = ramps.size(), d = u.length;
        Rational[][] w1 = new Rational[m][d];
        Rational[] b1 = new Rational[m];
        Rational[][] w2 = new Rational[1][m];
        for (int k = 0; k < m; k++) {
            Ramp r = ramps.get(k);
            for (int j = 0; j < d; j++) w1[k][j] = r.facesRight() ? u[j] : u[j].negate();
            b1[k] = r.facesRight() ? r.at().negate() : r.at();
            w2[0][k] = r.weight();
        }
        return new Network<>(f, d, List.of(new Layer<>(f, d, w1, b1), new Layer<>(f, m, w2, new Rational[] {bias})));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RampSum[").append(bias);
        for (Ramp r : ramps) {
            s.append(" + ").append(r.weight()).append(r.facesRight() ? " relu(t - " : " relu(").append(r.facesRight() ? r.at() : r.at() + " - t").append(")");
        }
        return s.append("]").toString();
    }
}
