package org.ftc.net;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;

/**
 * A ReLU network of any depth {@code L >= 1}: {@code L} affine layers with ReLU after every layer
 * but the last, scalar output. Neurons = total width of the hidden layers. Immutable.
 */
public final class Network<T> {
    private final Field<T> field;
    private final int inputDimension;
    private final List<Layer<T>> layers;

    public Network(Field<T> field, int inputDimension, List<Layer<T>> layers) {
        if (inputDimension < 1) throw new IllegalArgumentException("input_dimension must be at least 1, got " + inputDimension);
        if (layers.isEmpty()) throw new IllegalArgumentException("a network needs at least one layer");
        int width = inputDimension;
        for (int l = 0; l < layers.size(); l++) {
            Layer<T> layer = layers.get(l);
            if (layer.inputs() != width) {
                throw new IllegalArgumentException("layers[" + l + "] reads " + layer.inputs() + " inputs but the previous width is " + width);
            }
            width = layer.width();
        }
        if (width != 1) throw new IllegalArgumentException("the last layer must have one output, it has " + width);
        this.field = field;
        this.inputDimension = inputDimension;
        this.layers = List.copyOf(layers);
    }

    /** The zero function as a network of the given depth with hidden layers of width 0. */
    public static <T> Network<T> zero(Field<T> field, int inputDimension, int depth) {
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        List<Layer<T>> layers = new ArrayList<>();
        int in = inputDimension;
        for (int l = 0; l < depth - 1; l++) {
            layers.add(new Layer<>(field, in, emptyRows(field, 0), field.newArray(0)));
            in = 0;
        }
        T[][] last = emptyRows(field, 1);
        last[0] = field.newArray(in);
        for (int j = 0; j < in; j++) last[0][j] = field.zero();
        T[] b = field.newArray(1);
        b[0] = field.zero();
        layers.add(new Layer<>(field, in, last, b));
        return new Network<>(field, inputDimension, layers);
    }

    @SuppressWarnings("unchecked")
    static <T> T[][] emptyRows(Field<T> field, int rows) {
        return (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), rows);
    }

    public Field<T> field() {
        return field;
    }

    public int inputDimension() {
        return inputDimension;
    }

    public List<Layer<T>> layers() {
        return layers;
    }

    public Layer<T> layer(int index) {
        return layers.get(index);
    }

    public int depth() {
        return layers.size();
    }

    /** Widths of the hidden layers ({@code m}, or {@code m1, m2}, ...). */
    public int[] hiddenWidths() {
        int[] w = new int[layers.size() - 1];
        for (int l = 0; l < w.length; l++) w[l] = layers.get(l).width();
        return w;
    }

    /** Total number of hidden units. */
    public int neurons() {
        int n = 0;
        for (int w : hiddenWidths()) n += w;
        return n;
    }

    /** The network's output at {@code x}, computed in this network's field. */
    public T evaluate(T[] x) {
        if (x.length != inputDimension) {
            throw new IllegalArgumentException("input has " + x.length + " coordinates, the network expects " + inputDimension);
        }
        T[] h = x;
        for (int l = 0; l < layers.size(); l++) {
            T[] z = layers.get(l).apply(h);
            if (l < layers.size() - 1) {
                for (int i = 0; i < z.length; i++) z[i] = field.relu(z[i]);
            }
            h = z;
        }
        return h[0];
    }

    /** This network with every weight in another field (exact values rounded into {@code target}). */
    public <S> Network<S> convert(Field<S> target) {
        List<Layer<S>> converted = new ArrayList<>(layers.size());
        for (Layer<T> layer : layers) converted.add(layer.convert(target));
        return new Network<>(target, inputDimension, converted);
    }

    /** The exact network this one denotes: every weight is read as its exact value. */
    @SuppressWarnings("unchecked")
    public Network<Rational> toExact() {
        if (field == RationalField.INSTANCE) return (Network<Rational>) this;
        return convert(RationalField.INSTANCE);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Network[d=").append(inputDimension).append(", widths=");
        s.append(java.util.Arrays.toString(hiddenWidths())).append(", field=").append(field.name()).append("]");
        return s.toString();
    }
}
