package org.ftc.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;

/**
 * Instances shaped like what a machine-learning user has: samples drawn from a standard normal
 * distribution and rounded to {@code float}, a pre-trained MLP with PyTorch's default
 * initialisation of {@code nn.Linear} (weights and biases uniform in {@code ±1/√fan_in}, rounded to
 * {@code float}), and new labels near {@code f}: {@code float(f(x) + 0.01 z)} with {@code z}
 * standard normal and {@code f(x)} computed in {@code double} (the labels only have to be near
 * {@code f}; their exact values are whatever floats they are). Every number is a float, so every
 * number is dyadic. The same seed gives the same instance.
 */
public final class MlShaped {
    private MlShaped() {
    }

    /**
     * The instance for {@code seed}: dimension {@code d}, {@code f} with the given hidden widths,
     * {@code k} samples of which {@code n} (distinct indices, {@code n <= k}) get new labels.
     */
    public static Instance instance(long seed, int d, int[] hiddenWidths, int k, int n, int depth) {
        if (n > k) throw new IllegalArgumentException("N = " + n + " exceeds K = " + k);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int in = d;
        int[] widths = new int[hiddenWidths.length + 1];
        System.arraycopy(hiddenWidths, 0, widths, 0, hiddenWidths.length);
        widths[hiddenWidths.length] = 1;
        for (int width : widths) {
            double bound = 1 / Math.sqrt(in);
            double[][] w = new double[width][in];
            double[] b = new double[width];
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < in; j++) w[i][j] = uniformFloat(rnd, bound);
            }
            for (int i = 0; i < width; i++) b[i] = uniformFloat(rnd, bound);
            weights.add(w);
            biases.add(b);
            in = width;
        }
        double[][] x = new double[k][d];
        for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) x[i][j] = (float) rnd.nextGaussian();
        Map<Integer, Rational> changes = new TreeMap<>();
        while (changes.size() < n) {
            int i = rnd.nextInt(k);
            if (changes.containsKey(i)) continue;
            double label = (float) (evaluate(weights, biases, x[i]) + 0.01 * rnd.nextGaussian());
            changes.put(i, Rational.of(label));
        }
        Rational[][] samples = new Rational[k][d];
        for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) samples[i][j] = Rational.of(x[i][j]);
        return new Instance("ml-" + d + "-" + widthsName(hiddenWidths) + "-K" + k + "-N" + n, d, samples,
                network(d, weights, biases), changes, depth);
    }

    /** Small ML-shaped instances for properties and the gate: {@code d} 1..4, one or two hidden layers up to width 8. */
    public static Gen<GeneratedInstance> instances(int depth, int maxK) {
        return Gens.ints(1, maxK).flatMap(k -> Gens.zip(Gens.longs(0, Long.MAX_VALUE), Gens.ints(1, 4),
                        Gens.lists(Gens.ints(1, 8), 1, 2), Gens.ints(0, k),
                        (seed, d, widths, n) -> new GeneratedInstance(
                                instance(seed, d, widths.stream().mapToInt(Integer::intValue).toArray(), k, n, depth), "ml-shaped")));
    }

    private static double uniformFloat(SplittableRandom rnd, double bound) {
        return (float) ((2 * rnd.nextDouble() - 1) * bound);
    }

    private static double evaluate(List<double[][]> weights, List<double[]> biases, double[] x) {
        double[] h = x;
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = weights.get(l);
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double acc = biases.get(l)[i];
                for (int j = 0; j < h.length; j++) acc += w[i][j] * h[j];
                z[i] = l < weights.size() - 1 ? Math.max(acc, 0) : acc;
            }
            h = z;
        }
        return h[0];
    }

    private static Network<Rational> network(int d, List<double[][]> weights, List<double[]> biases) {
        List<Layer<Rational>> layers = new ArrayList<>();
        int in = d;
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = weights.get(l);
            Rational[][] rw = new Rational[w.length][in];
            Rational[] rb = new Rational[w.length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < in; j++) rw[i][j] = Rational.of(w[i][j]);
                rb[i] = Rational.of(biases.get(l)[i]);
            }
            layers.add(new Layer<>(RationalField.INSTANCE, in, rw, rb));
            in = w.length;
        }
        return new Network<>(RationalField.INSTANCE, d, layers);
    }

    private static String widthsName(int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int w : widths) s.append(s.length() == 0 ? "" : "x").append(w);
        return s.toString();
    }
}
