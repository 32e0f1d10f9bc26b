package org.ftc.bench;

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

/** Large random instances for benchmarks: small-integer coordinates, a random f of widths 8, 8. */
public final class BenchInstances {
    private BenchInstances() {
    }

    public static Instance random(int d, int k, int n, int depth, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Rational[][] x = new Rational[k][d];
        for (int i = 0; i < k; i++) for (int j = 0; j < d; j++) x[i][j] = Rational.of(rnd.nextInt(-1000, 1001), 1 + rnd.nextInt(4));
        Map<Integer, Rational> changes = new TreeMap<>();
        while (changes.size() < n) changes.put(rnd.nextInt(k), Rational.of(rnd.nextInt(-100, 101), 1 + rnd.nextInt(8)));
        return new Instance("bench", d, x, pretrained(d, rnd), changes, depth);
    }

    static Network<Rational> pretrained(int d, SplittableRandom rnd) {
        int[] widths = {d, 8, 8, 1};
        List<Layer<Rational>> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            Rational[][] w = new Rational[widths[l]][widths[l - 1]];
            Rational[] b = new Rational[widths[l]];
            for (int i = 0; i < widths[l]; i++) {
                for (int j = 0; j < widths[l - 1]; j++) w[i][j] = Rational.of(rnd.nextInt(-5, 6), 1 + rnd.nextInt(3));
                b[i] = Rational.of(rnd.nextInt(-5, 6));
            }
            layers.add(new Layer<>(RationalField.INSTANCE, widths[l - 1], w, b));
        }
        return new Network<>(RationalField.INSTANCE, d, layers);
    }
}
