package org.ftc.gen;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;

/**
 * Random exact ReLU networks: depth 1 to 4, hidden widths 0 to 8, rational weights with zeros,
 * and on purpose some dead units (zero weights, negative bias), always-active units (zero weights,
 * positive bias) and duplicated units (a copy of the previous row).
 */
public final class Networks {
    private Networks() {
    }

    /** A pre-trained network on {@code Q^d}: depth 1 to 4, widths 0 to 8. */
    public static Gen<Network<Rational>> pretrained(int d) {
        return networks(d, 1, 4, 8);
    }

    /** Networks of depth in {@code [minDepth, maxDepth]} with hidden widths up to {@code maxWidth}. */
    public static Gen<Network<Rational>> networks(int d, int minDepth, int maxDepth, int maxWidth) {
        return Gens.ints(minDepth, maxDepth).flatMap(depth ->
                Gens.lists(Gens.ints(0, maxWidth), depth - 1, depth - 1).flatMap(widths -> withWidths(d, widths)));
    }

    /** A network with the given hidden widths and random weights. */
    public static Gen<Network<Rational>> withWidths(int d, List<Integer> widths) {
        return s -> {
            List<Layer<Rational>> layers = new ArrayList<>();
            int in = d;
            for (int l = 0; l <= widths.size(); l++) {
                int out = l < widths.size() ? widths.get(l) : 1;
                boolean hidden = l < widths.size();
                layers.add(layer(s, in, out, hidden));
                in = out;
            }
            return new Network<>(RationalField.INSTANCE, d, layers);
        };
    }

    /** Inputs and units drawn per layer whatever the widths, so that shrinking a width keeps the other choices aligned. */
    static final int PAD = 16;

    private static Layer<Rational> layer(org.ftc.prop.Source s, int in, int out, boolean hidden) {
        Rational[][] w = new Rational[out][];
        Rational[] b = new Rational[out];
        Gen<Rational> weights = Numbers.weights();
        int drawnUnits = hidden ? Math.max(out, 8) : out;
        int drawnInputs = Math.max(in, PAD);
        for (int i = 0; i < drawnUnits; i++) {
            if (i >= out) {
                // Unused padding unit: drawn and discarded.
                s.startSpan();
                s.choice(9);
                for (int j = 0; j <= drawnInputs; j++) weights.generate(s);
                s.endSpan();
                continue;
            }
            s.startSpan();
            int kind = hidden ? (int) s.choice(9) : 0; // 0..6 ordinary, 7 dead, 8 always active, 9 duplicate
            w[i] = new Rational[in];
            if (kind == 7 || kind == 8) {
                java.util.Arrays.fill(w[i], Rational.ZERO);
                b[i] = kind == 7 ? Rational.of(-1 - s.choice(5)) : Rational.of(1 + s.choice(5));
            } else if (kind == 9 && i > 0) {
                w[i] = w[i - 1].clone();
                b[i] = b[i - 1];
            } else {
                for (int j = 0; j < drawnInputs; j++) {
                    Rational v = weights.generate(s);
                    if (j < in) w[i][j] = v;
                }
                b[i] = weights.generate(s);
            }
            s.endSpan();
        }
        return new Layer<>(RationalField.INSTANCE, in, w, b);
    }
}
