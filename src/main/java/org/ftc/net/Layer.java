package org.ftc.net;

import java.util.Arrays;
import org.ftc.arith.Field;

/**
 * One affine map {@code z = W h + b} of a network: {@code weights} has one row per output unit and
 * one column per input. Immutable: the constructor and the accessors copy.
 */
public final class Layer<T> {
    private final Field<T> field;
    private final T[][] weights;
    private final T[] biases;
    private final int inputs;

    public Layer(Field<T> field, int inputs, T[][] weights, T[] biases) {
        if (inputs < 0) throw new IllegalArgumentException("negative input width " + inputs);
        if (weights.length != biases.length) {
            throw new IllegalArgumentException("layer has " + weights.length + " weight rows but " + biases.length + " biases");
        }
        this.field = field;
        this.inputs = inputs;
        this.weights = copyRows(field, weights, inputs);
        this.biases = Arrays.copyOf(biases, biases.length);
        for (int i = 0; i < this.biases.length; i++) {
            if (this.biases[i] == null) throw new IllegalArgumentException("bias " + i + " is missing");
        }
    }

    private static <T> T[][] copyRows(Field<T> field, T[][] rows, int inputs) {
        @SuppressWarnings("unchecked")
        T[][] copy = (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != inputs) {
                throw new IllegalArgumentException("weight row " + i + " has " + rows[i].length + " entries, expected " + inputs);
            }
            copy[i] = Arrays.copyOf(rows[i], inputs);
            for (int j = 0; j < inputs; j++) {
                if (copy[i][j] == null) throw new IllegalArgumentException("weight [" + i + "][" + j + "] is missing");
            }
        }
        return copy;
    }

    public Field<T> field() {
        return field;
    }

    /** Number of output units. */
    public int width() {
        return biases.length;
    }

    public int inputs() {
        return inputs;
    }

    public T weight(int row, int column) {
        return weights[row][column];
    }

    public T bias(int row) {
        return biases[row];
    }

    public T[] row(int row) {
        return Arrays.copyOf(weights[row], inputs);
    }

    /** {@code W h + b}. */
    public T[] apply(T[] h) {
        if (h.length != inputs) throw new IllegalArgumentException("input has " + h.length + " entries, layer expects " + inputs);
        T[] z = field.newArray(biases.length);
        for (int i = 0; i < biases.length; i++) z[i] = field.dot(weights[i], h, biases[i]);
        return z;
    }

    /** This layer in another field: each entry's exact value, rounded into {@code target}. */
    public <S> Layer<S> convert(Field<S> target) {
        @SuppressWarnings("unchecked")
        S[][] w = (S[][]) java.lang.reflect.Array.newInstance(target.newArray(0).getClass(), weights.length);
        S[] b = target.newArray(biases.length);
        for (int i = 0; i < weights.length; i++) {
            w[i] = target.newArray(inputs);
            for (int j = 0; j < inputs; j++) w[i][j] = target.fromRational(field.toRational(weights[i][j]));
            b[i] = target.fromRational(field.toRational(biases[i]));
        }
        return new Layer<>(target, inputs, w, b);
    }
}
