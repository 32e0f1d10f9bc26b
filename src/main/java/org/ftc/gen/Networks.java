package org.ftc.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Source;

/**
 * Random exact ReLU networks: depth 1 to 4, hidden widths 0 to 8, rational weights with zeros,
 * and on purpose some dead units (zero weights, negative bias), always-active units (zero weights,
 * positive bias), duplicated units (a copy of the previous row) and, when asked for, cancelling
 * copies (a copy of the previous row that the next layer reads with the negated weight, so the
 * pair adds nothing). Without cancelling copies the choice layout is the one the default
 * generators have always had, so stored seeds and failures keep replaying.
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
        return networks(d, minDepth, maxDepth, maxWidth, Numbers.weights(), false);
    }

    /**
     * Like {@link #networks(int, int, int, int)} with weights and biases from {@code weights}: small
     * fractions ({@link Numbers#smallFractions}) make kinks coincide often, which the line-restriction
     * and breakpoint properties want; with {@code cancellingCopies} some hidden units are cancelling
     * copies of their left neighbour.
     */
    public static Gen<Network<Rational>> networks(int d, int minDepth, int maxDepth, int maxWidth, Gen<Rational> weights,
                                                  boolean cancellingCopies) {
        if (d < 1 || minDepth < 1 || minDepth > maxDepth || maxWidth < 0) {
            throw new IllegalArgumentException("need d >= 1, 1 <= minDepth <= maxDepth, maxWidth >= 0; got d=" + d + ", depth "
                    + minDepth + ".." + maxDepth + ", maxWidth " + maxWidth);
        }
        return Gens.ints(minDepth, maxDepth).flatMap(depth ->
                Gens.lists(Gens.ints(0, maxWidth), depth - 1, depth - 1).flatMap(widths -> withWidths(d, widths, weights, cancellingCopies)));
    }

    /**
     * Networks of exactly depth {@code depth} with widths up to {@code maxWidth}, weights from
     * {@link Numbers#smallFractions} and cancelling copies: for the line-restriction and
     * breakpoint properties.
     */
    public static Gen<Network<Rational>> smallWeights(int d, int depth, int maxWidth) {
        return networks(d, depth, depth, maxWidth, Numbers.smallFractions(), true);
    }

    /** A network with the given hidden widths and random weights. */
    public static Gen<Network<Rational>> withWidths(int d, List<Integer> widths) {
        return withWidths(d, widths, Numbers.weights(), false);
    }

    /** A network with the given hidden widths, weights and biases from {@code weights}, and cancelling copies if asked. */
    public static Gen<Network<Rational>> withWidths(int d, List<Integer> widths, Gen<Rational> weights, boolean cancellingCopies) {
        int lastKind = cancellingCopies ? CANCELLING : DUPLICATE;
        return s -> {
            List<Layer<Rational>> layers = new ArrayList<>();
            int in = d;
            int[] previousKinds = new int[0];
            for (int l = 0; l <= widths.size(); l++) {
                int out = l < widths.size() ? widths.get(l) : 1;
                boolean hidden = l < widths.size();
                int[] kinds = new int[out];
                layers.add(layer(s, in, out, hidden, weights, lastKind, previousKinds, kinds));
                previousKinds = kinds;
                in = out;
            }
            return new Network<>(RationalField.INSTANCE, d, layers);
        };
    }

    /** Inputs and units drawn per layer whatever the widths, so that shrinking a width keeps the other choices aligned. */
    static final int PAD = 16;

    private static final int DEAD = 7, ALWAYS_ACTIVE = 8, DUPLICATE = 9, CANCELLING = 10;

    /**
     * One layer; {@code inputKinds} are the kinds of the units it reads (empty for the first layer),
     * and the kinds of its own units are written into {@code kinds}.
     */
    private static Layer<Rational> layer(Source s, int in, int out, boolean hidden, Gen<Rational> weights, int lastKind,
                                         int[] inputKinds, int[] kinds) {
        Rational[][] w = new Rational[out][];
        Rational[] b = new Rational[out];
        int drawnUnits = hidden ? Math.max(out, 8) : out;
        int drawnInputs = Math.max(in, PAD);
        for (int i = 0; i < drawnUnits; i++) {
            if (i >= out) {
                // Unused padding unit: drawn and discarded.
                s.startSpan();
                s.choice(lastKind);
                for (int j = 0; j <= drawnInputs; j++) weights.generate(s);
                s.endSpan();
                continue;
            }
            s.startSpan();
            // 0..6 ordinary, 7 dead, 8 always active, 9 duplicate, 10 cancelling copy (if lastKind allows)
            int kind = hidden ? (int) s.choice(lastKind) : 0;
            if ((kind == DUPLICATE || kind == CANCELLING) && i == 0) kind = 0;
            kinds[i] = kind;
            w[i] = new Rational[in];
            if (kind == DEAD || kind == ALWAYS_ACTIVE) {
                Arrays.fill(w[i], Rational.ZERO);
                b[i] = kind == DEAD ? Rational.of(-1 - s.choice(5)) : Rational.of(1 + s.choice(5));
            } else if (kind == DUPLICATE || kind == CANCELLING) {
                w[i] = w[i - 1].clone();
                b[i] = b[i - 1];
            } else {
                for (int j = 0; j < drawnInputs; j++) {
                    Rational v = weights.generate(s);
                    if (j < in) w[i][j] = v;
                }
                b[i] = weights.generate(s);
            }
            // A cancelling copy j of unit j - 1 is read with the negated weight of unit j - 1.
            for (int j = 1; j < inputKinds.length; j++) if (inputKinds[j] == CANCELLING) w[i][j] = w[i][j - 1].negate();
            s.endSpan();
        }
        return new Layer<>(RationalField.INSTANCE, in, w, b);
    }
}
