package org.ftc.net;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;

/**
 * The restriction {@code t -> g(x0 + t v)} of an exact ReLU network of any depth to a line, as an
 * exact {@link PiecewiseLinear}. Layer by layer every unit is a piecewise-linear function of
 * {@code t}: a first-layer pre-activation is affine, ReLU adds at most one knot per linear piece
 * (at a zero crossing), and the next layer's pre-activations are linear combinations.
 */
public final class LineRestriction {
    private LineRestriction() {
    }

    /** {@code g(x0 + t v)} as a function of {@code t}. */
    public static PiecewiseLinear restrict(Network<Rational> g, Rational[] x0, Rational[] v) {
        int d = g.inputDimension();
        if (x0.length != d || v.length != d) {
            throw new IllegalArgumentException("line is in dimension " + x0.length + "/" + v.length + ", network in " + d);
        }
        Layer<Rational> first = g.layer(0);
        List<PiecewiseLinear> units = new ArrayList<>(first.width());
        for (int i = 0; i < first.width(); i++) {
            Rational slope = Rational.ZERO;
            Rational intercept = first.bias(i);
            for (int j = 0; j < d; j++) {
                Rational w = first.weight(i, j);
                if (w.isZero()) continue;
                slope = slope.add(w.multiply(v[j]));
                intercept = intercept.add(w.multiply(x0[j]));
            }
            units.add(PiecewiseLinear.affine(slope, intercept));
        }
        return propagate(g, 0, units);
    }

    /**
     * For a network whose first-layer rows are all multiples {@code lambda_i u} of one direction,
     * the function {@code G} with {@code g(x) = G(u . x)}; {@code lambda} holds the multiples.
     */
    public static PiecewiseLinear alongDirection(Network<Rational> g, Rational[] lambda) {
        Layer<Rational> first = g.layer(0);
        List<PiecewiseLinear> units = new ArrayList<>(first.width());
        for (int i = 0; i < first.width(); i++) units.add(PiecewiseLinear.affine(lambda[i], first.bias(i)));
        return propagate(g, 0, units);
    }

    /**
     * The network's output as a function of {@code t}, given the pre-activations of layer
     * {@code from} (0-based) as functions of {@code t}: ReLU, then the remaining layers.
     */
    public static PiecewiseLinear propagate(Network<Rational> g, int from, List<PiecewiseLinear> preActivations) {
        if (preActivations.size() != g.layer(from).width()) {
            throw new IllegalArgumentException("layer " + from + " has " + g.layer(from).width() + " units, got " + preActivations.size());
        }
        List<PiecewiseLinear> h = preActivations;
        for (int l = from + 1; l < g.depth(); l++) {
            List<PiecewiseLinear> activated = new ArrayList<>(h.size());
            for (PiecewiseLinear z : h) activated.add(z.relu());
            Layer<Rational> layer = g.layer(l);
            List<PiecewiseLinear> next = new ArrayList<>(layer.width());
            List<Rational> coefficients = new ArrayList<>(layer.inputs());
            for (int i = 0; i < layer.width(); i++) {
                coefficients.clear();
                for (int j = 0; j < layer.inputs(); j++) coefficients.add(layer.weight(i, j));
                next.add(PiecewiseLinear.linearCombination(coefficients, activated, layer.bias(i)));
            }
            h = next;
        }
        return h.get(0);
    }
}
