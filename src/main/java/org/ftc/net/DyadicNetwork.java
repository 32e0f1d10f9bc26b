package org.ftc.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ftc.arith.Rational;

/**
 * Exact evaluation of a network whose weights and biases are all dyadic (floats, hex literals,
 * binary fractions) at dyadic points, as a chain of integer matrix-vector products
 * ({@link DyadicLayer}): each layer's entries over one power of two, the point over another, the
 * ReLU a sign test on the integer. The value is the same exact rational as
 * {@link Network#evaluate}'s ({@code DyadicNetworkProperties} checks it against that and against
 * Apfloat's {@code Aprational}); a point with a coordinate that is not dyadic is evaluated by
 * {@link Network#evaluate} instead.
 */
public final class DyadicNetwork {
    /**
     * The largest power of two (in bits) a layer's or a point's entries are put over: beyond it the
     * digits of every entry would be mostly zeros and the general path is as fast.
     */
    static final int MAX_SCALE_BITS = 4096;

    private final Network<Rational> network;
    private final List<DyadicLayer> layers;

    private DyadicNetwork(Network<Rational> network, List<DyadicLayer> layers) {
        this.network = network;
        this.layers = layers;
    }

    /** The integer form of {@code network}, or empty if a weight or bias is not dyadic (or needs more than 4,096 bits of scale). */
    public static Optional<DyadicNetwork> of(Network<Rational> network) {
        List<DyadicLayer> layers = new ArrayList<>(network.depth());
        for (Layer<Rational> layer : network.layers()) {
            DyadicLayer integer = DyadicLayer.of(layer, MAX_SCALE_BITS);
            if (integer == null) return Optional.empty();
            layers.add(integer);
        }
        return Optional.of(new DyadicNetwork(network, List.copyOf(layers)));
    }

    /** The network's exact value at {@code x}. */
    public Rational evaluate(Rational[] x) {
        if (x.length != network.inputDimension()) {
            throw new IllegalArgumentException("input has " + x.length + " coordinates, the network expects " + network.inputDimension());
        }
        DyadicVector h = DyadicVector.of(x, MAX_SCALE_BITS);
        if (h == null) return network.evaluate(x);
        int last = layers.size() - 1;
        for (int l = 0; l < last; l++) h = layers.get(l).applyRelu(h);
        return layers.get(last).applyLast(h);
    }
}
