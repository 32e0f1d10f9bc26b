package org.ftc.net;

import org.ftc.arith.Rational;

/**
 * A network evaluated in IEEE binary32 or binary64 arithmetic, the way a float model in PyTorch
 * runs on the CPU, layer by layer: every weight, bias and input is first rounded to the nearest
 * value of the format (ties to even, correctly rounded from its exact value), then each unit is
 * {@code z_i = (w_i1 h_1 + w_i2 h_2 + ... + w_in h_n) + b_i}, the products and sums rounded one
 * operation at a time from left to right, <b>without fused multiply-add</b>, the bias added last
 * (as {@code addmm} adds its {@code beta C} term), then {@code relu(z) = max(z, 0)}.
 *
 * <p>PyTorch does not specify the order of the sums in a CPU matrix product (BLAS kernels
 * vectorise and block them, and may use FMA), so this is one faithful IEEE evaluation, not
 * torch's bit pattern: for layers of a few inputs (T2U's first layer reads {@code d} inputs) the
 * results usually agree bit for bit, and in general they differ by a few units in the last place
 * per layer. Java's {@code float} and {@code double} operations are IEEE round-to-nearest (strict
 * since Java 17), so nothing here depends on the machine.
 */
public final class FloatEvaluation {
    /** The IEEE format evaluated in. */
    public enum Precision {
        FLOAT32("float32"), FLOAT64("float64");

        private final String label;

        Precision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Precision parse(String text) {
            for (Precision p : values()) if (p.label.equals(text)) return p;
            throw new IllegalArgumentException("expected float32 or float64, got \"" + text + "\"");
        }

        /** The nearest value of this format to {@code q}, as a double (a float32 value is one exactly). */
        public double round(Rational q) {
            return this == FLOAT32 ? nearestFloat(q) : q.doubleValue();
        }
    }

    private FloatEvaluation() {
    }

    /**
     * The float32 nearest to {@code q}, ties to even, infinite beyond the largest finite float by
     * half a unit or more. Rounding through {@code double} could round twice, so the candidates
     * next to {@code (float) q.doubleValue()} are compared exactly.
     */
    public static float nearestFloat(Rational q) {
        double d = q.doubleValue();
        float f = (float) d;
        if (Float.isInfinite(f)) {
            // Above MAX_VALUE + ulp/2 = 2^128 - 2^103 rounds to infinity (the tie too: MAX_VALUE's significand is odd).
            Rational limit = Rational.of(java.math.BigInteger.ONE.shiftLeft(128).subtract(java.math.BigInteger.ONE.shiftLeft(103)));
            return q.abs().compareTo(limit) >= 0 ? f : Math.copySign(Float.MAX_VALUE, f);
        }
        float best = f;
        Rational bestDistance = Rational.of((double) f).subtract(q).abs();
        for (float c : new float[] {Math.nextDown(f), Math.nextUp(f)}) {
            if (Float.isInfinite(c)) continue;
            Rational distance = Rational.of((double) c).subtract(q).abs();
            int cmp = distance.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(c) & 1) == 0)) {
                best = c;
                bestDistance = distance;
            }
        }
        return best == 0 ? (q.signum() < 0 ? -0.0f : 0.0f) : best;
    }

    /** The outputs of {@code net} at every point, evaluated in {@code precision} (values as doubles; may be infinite or NaN). */
    public static double[] evaluate(Network<Rational> net, Rational[][] points, Precision precision) {
        Rounded r = new Rounded(net, precision);
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) out[i] = r.evaluate(points[i]);
        return out;
    }

    /** A network with its weights rounded once, evaluated at many points. */
    public static final class Rounded {
        private final Precision precision;
        private final double[][][] weights;
        private final double[][] biases;
        private final int inputs;

        public Rounded(Network<Rational> net, Precision precision) {
            this.precision = precision;
            this.inputs = net.inputDimension();
            int depth = net.depth();
            weights = new double[depth][][];
            biases = new double[depth][];
            for (int l = 0; l < depth; l++) {
                Layer<Rational> layer = net.layer(l);
                weights[l] = new double[layer.width()][layer.inputs()];
                biases[l] = new double[layer.width()];
                for (int i = 0; i < layer.width(); i++) {
                    for (int j = 0; j < layer.inputs(); j++) weights[l][i][j] = precision.round(layer.weight(i, j));
                    biases[l][i] = precision.round(layer.bias(i));
                }
            }
        }

        public double evaluate(Rational[] x) {
            if (x.length != inputs) throw new IllegalArgumentException("x has " + x.length + " coordinates, the network reads " + inputs);
            double[] h = new double[x.length];
            for (int j = 0; j < x.length; j++) h[j] = precision.round(x[j]);
            return evaluateRounded(h);
        }

        /** At a point whose coordinates are already values of the format. */
        public double evaluateRounded(double[] h) {
            for (int l = 0; l < weights.length; l++) {
                double[] z = new double[weights[l].length];
                boolean hidden = l < weights.length - 1;
                for (int i = 0; i < z.length; i++) {
                    double v = precision == Precision.FLOAT32 ? dot32(weights[l][i], h, (float) biases[l][i]) : dot64(weights[l][i], h, biases[l][i]);
                    z[i] = hidden ? (v > 0 ? v : (Double.isNaN(v) ? v : 0.0)) : v;
                }
                h = z;
            }
            return h[0];
        }

        public Precision precision() {
            return precision;
        }
    }

    /** {@code (w_1 h_1 + ... + w_n h_n) + b} in float32, each operation rounded, no FMA. */
    private static double dot32(double[] w, double[] h, float b) {
        float s = 0f;
        for (int j = 0; j < w.length; j++) {
            float p = (float) w[j] * (float) h[j];
            s = j == 0 ? p : s + p;
        }
        return s + b;
    }

    /** {@code (w_1 h_1 + ... + w_n h_n) + b} in float64, each operation rounded, no FMA. */
    private static double dot64(double[] w, double[] h, double b) {
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            double p = w[j] * h[j];
            s = j == 0 ? p : s + p;
        }
        return s + b;
    }

    /**
     * {@code f(x) + g(x)} as torch computes {@code f(x) + g(x)} for two float models: each network in
     * {@code precision}, then the sum rounded once.
     */
    public static double[] sum(Network<Rational> f, Network<Rational> g, Rational[][] points, Precision precision) {
        Rounded rf = new Rounded(f, precision);
        Rounded rg = new Rounded(g, precision);
        double[] out = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            double[] h = new double[points[i].length];
            for (int j = 0; j < h.length; j++) h[j] = precision.round(points[i][j]);
            double a = rf.evaluateRounded(h);
            double b = rg.evaluateRounded(h);
            out[i] = precision == Precision.FLOAT32 ? (double) ((float) a + (float) b) : a + b;
        }
        return out;
    }
}
