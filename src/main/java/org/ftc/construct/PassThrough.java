package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * Depth {@code L >= 4} from a 3-layer {@code g}: the output {@code g} becomes a hidden unit
 * {@code relu(g + C)} with the shift {@code C = max(0, -min_i r_i)}, which is {@code >= 0} at every
 * sample (there {@code g} equals the residual, or 0), so the unit passes {@code g + C} unchanged;
 * each further layer is one unit {@code relu(z)} of a value {@code z >= 0}, again unchanged; the
 * output is the last unit minus {@code C}. So {@code g} keeps its values at every sample and gains
 * {@code L - 3} neurons (proofs-notes/TL-depth-construction.md).
 */
public final class PassThrough {
    private PassThrough() {
    }

    /** The shift {@code C = max(0, -min r)} over the residuals (0 at untouched samples). */
    public static Rational shift(Residuals residuals) {
        Rational c = Rational.ZERO;
        for (int i = 0; i < residuals.size(); i++) {
            Rational r = residuals.value(i).negate();
            if (r.compareTo(c) > 0) c = r;
        }
        return c;
    }

    /** {@code g3} (depth 3, or any depth {@code >= 2}) extended to depth {@code depth} by pass-through units. */
    public static <T> Network<T> extend(Network<T> g, Residuals residuals, int depth) {
        Field<T> field = g.field();
        if (depth < g.depth()) throw new IllegalArgumentException("cannot shorten a network of depth " + g.depth() + " to " + depth);
        if (depth == g.depth()) return g;
        if (g.neurons() == 0) return Network.zero(field, g.inputDimension(), depth);
        T c = field.fromRational(shift(residuals));
        List<Layer<T>> layers = new ArrayList<>(g.layers().subList(0, g.depth() - 1));
        Layer<T> out = g.layer(g.depth() - 1);
        T[][] w = FieldLine.matrix(field, 1, out.inputs());
        for (int i = 0; i < out.inputs(); i++) w[0][i] = out.weight(0, i);
        T[] b = field.newArray(1);
        b[0] = field.add(out.bias(0), c);
        layers.add(new Layer<>(field, out.inputs(), w, b)); // relu(g + C)
        for (int l = g.depth() + 1; l < depth; l++) layers.add(unit(field, field.one(), field.zero())); // relu(z), z >= 0
        layers.add(unit(field, field.one(), field.negate(c))); // output: z - C
        return new Network<>(field, g.inputDimension(), layers);
    }

    private static <T> Layer<T> unit(Field<T> field, T weight, T bias) {
        T[][] w = FieldLine.matrix(field, 1, 1);
        w[0][0] = weight;
        T[] b = field.newArray(1);
        b[0] = bias;
        return new Layer<>(field, 1, w, b);
    }
}
