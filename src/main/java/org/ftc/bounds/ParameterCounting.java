package org.ftc.bounds;

import java.math.BigInteger;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ftc.arith.Rational;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * PC (proofs-notes/PC-parameter-counting.md): the Jacobian of {@code theta -> (g_theta(x_i))_i} at a point away from
 * kinks, exactly, and its rank. Each hidden unit's positive rescaling (incoming weights and bias
 * times {@code lambda}, outgoing weights over {@code lambda}) leaves {@code g} unchanged, so the
 * Jacobian has one null vector per unit and rank at most {@code P - H}. See
 * proofs-notes/PC-parameter-counting.md.
 *
 * <p>Parameters are ordered layer by layer, each layer's weights row by row, then its biases.
 */
public final class ParameterCounting {
    private ParameterCounting() {
    }

    /** {@code P}: every weight and bias. */
    public static int parameterCount(Network<Rational> g) {
        int p = 0;
        for (Layer<Rational> layer : g.layers()) p += layer.width() * (layer.inputs() + 1);
        return p;
    }

    /**
     * The exact Jacobian, one row per point. Near a point where no hidden pre-activation is zero the
     * activation pattern is constant, so {@code g} is a polynomial in the parameters there and its
     * derivatives are the back-propagated products below, exact rationals.
     *
     * @throws IllegalArgumentException if some hidden pre-activation is exactly zero at some point (a kink)
     */
    public static Rational[][] jacobian(Network<Rational> g, Rational[][] points) {
        int p = parameterCount(g);
        int depth = g.depth();
        Rational[][] jac = new Rational[points.length][];
        for (int row = 0; row < points.length; row++) {
            Rational[][] inputs = new Rational[depth][]; // input to layer l
            boolean[][] active = new boolean[depth][];
            Rational[] h = points[row];
            for (int l = 0; l < depth; l++) {
                inputs[l] = h;
                Rational[] z = g.layer(l).apply(h);
                if (l < depth - 1) {
                    active[l] = new boolean[z.length];
                    for (int i = 0; i < z.length; i++) {
                        if (z[i].isZero()) {
                            throw new IllegalArgumentException("point " + row + " lies on a kink: unit " + i + " of hidden layer " + (l + 1)
                                    + " has pre-activation 0");
                        }
                        active[l][i] = z[i].signum() > 0;
                        if (!active[l][i]) z[i] = Rational.ZERO;
                    }
                }
                h = z;
            }
            Rational[] out = new Rational[p];
            int[] offset = offsets(g);
            Rational[] delta = {Rational.ONE}; // d g / d z_l
            for (int l = depth - 1; l >= 0; l--) {
                Layer<Rational> layer = g.layer(l);
                int in = layer.inputs(), width = layer.width();
                for (int i = 0; i < width; i++) {
                    for (int j = 0; j < in; j++) out[offset[l] + i * in + j] = delta[i].multiply(inputs[l][j]);
                    out[offset[l] + width * in + i] = delta[i];
                }
                if (l > 0) {
                    Rational[] next = new Rational[in];
                    for (int j = 0; j < in; j++) {
                        Rational acc = Rational.ZERO;
                        if (active[l - 1][j]) {
                            for (int i = 0; i < width; i++) {
                                Rational w = layer.weight(i, j);
                                if (!w.isZero() && !delta[i].isZero()) acc = acc.add(delta[i].multiply(w));
                            }
                        }
                        next[j] = acc;
                    }
                    delta = next;
                }
            }
            jac[row] = out;
        }
        return jac;
    }

    /** Index of layer {@code l}'s first parameter. */
    static int[] offsets(Network<Rational> g) {
        int[] offset = new int[g.depth()];
        int o = 0;
        for (int l = 0; l < g.depth(); l++) {
            offset[l] = o;
            o += g.layer(l).width() * (g.layer(l).inputs() + 1);
        }
        return offset;
    }

    /**
     * The network with parameter {@code index} (in the order above) moved by {@code delta}: used to
     * check the Jacobian against exact central differences.
     */
    public static Network<Rational> perturb(Network<Rational> g, int index, Rational delta) {
        int[] offset = offsets(g);
        java.util.List<Layer<Rational>> layers = new java.util.ArrayList<>();
        for (int l = 0; l < g.depth(); l++) {
            Layer<Rational> layer = g.layer(l);
            int in = layer.inputs(), width = layer.width();
            Rational[][] w = new Rational[width][];
            Rational[] b = new Rational[width];
            for (int i = 0; i < width; i++) {
                w[i] = layer.row(i);
                b[i] = layer.bias(i);
            }
            int local = index - offset[l];
            if (local >= 0 && local < width * (in + 1)) {
                if (local < width * in) w[local / in][local % in] = w[local / in][local % in].add(delta);
                else b[local - width * in] = b[local - width * in].add(delta);
            }
            layers.add(new Layer<>(layer.field(), in, w, b));
        }
        return new Network<>(g.field(), g.inputDimension(), layers);
    }

    /**
     * Exact rank by fraction-free (Bareiss) elimination: rows are scaled to integers, and every
     * division in the elimination is exact (each entry is a minor of the scaled matrix).
     */
    public static int exactRank(Rational[][] m) {
        int rows = m.length;
        if (rows == 0) return 0;
        int cols = m[0].length;
        BigInteger[][] a = new BigInteger[rows][cols];
        for (int i = 0; i < rows; i++) {
            if (m[i].length != cols) throw new IllegalArgumentException("row " + i + " has " + m[i].length + " entries, expected " + cols);
            BigInteger lcm = BigInteger.ONE;
            for (Rational x : m[i]) {
                BigInteger den = x.denominator();
                lcm = lcm.divide(lcm.gcd(den)).multiply(den);
            }
            for (int j = 0; j < cols; j++) a[i][j] = m[i][j].numerator().multiply(lcm.divide(m[i][j].denominator()));
        }
        BigInteger previous = BigInteger.ONE;
        int rank = 0;
        for (int c = 0; c < cols && rank < rows; c++) {
            int pivot = -1;
            for (int i = rank; i < rows; i++) if (a[i][c].signum() != 0) { pivot = i; break; }
            if (pivot < 0) continue;
            BigInteger[] tmp = a[pivot]; a[pivot] = a[rank]; a[rank] = tmp;
            BigInteger pv = a[rank][c];
            for (int i = rank + 1; i < rows; i++) {
                for (int j = c + 1; j < cols; j++) {
                    BigInteger num = pv.multiply(a[i][j]).subtract(a[i][c].multiply(a[rank][j]));
                    BigInteger[] qr = num.divideAndRemainder(previous);
                    if (qr[1].signum() != 0) throw new IllegalStateException("Bareiss division was not exact");
                    a[i][j] = qr[0];
                }
                a[i][c] = BigInteger.ZERO;
            }
            previous = pv;
            rank++;
        }
        return rank;
    }

    /**
     * Floating-point rank: EJML's SVD, counting singular values above EJML's relative threshold
     * ({@code max(rows, cols) * sigma_max * eps}). A cross-check only; verdicts use {@link #exactRank}.
     */
    public static int floatRank(Rational[][] m) {
        int rows = m.length;
        if (rows == 0) return 0;
        int cols = m[0].length;
        if (cols == 0) return 0;
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) a.set(i, j, m[i][j].doubleValue());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false, true);
        if (!svd.decompose(a)) throw new IllegalStateException("EJML SVD did not converge");
        return SingularOps_DDRM.rank(svd, SingularOps_DDRM.singularThreshold(svd));
    }
}
