package org.ftc.instance;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.Network;

/**
 * A fine-tuning instance (proofs-notes/SETTING-exact-model.md): samples {@code x_1..x_K} in {@code Q^d}, a frozen
 * pre-trained network {@code f}, the changes {@code I} with their new labels, and the depth asked of
 * {@code g}. Indices are 0-based here and in the JSON format. Immutable; validated on construction.
 */
public final class Instance {
    private final String id;
    private final int dimension;
    private final Rational[][] samples;
    private final Network<Rational> pretrained;
    private final SortedMap<Integer, Rational> changes;
    private final int depth;
    /** {@code f} at the changed samples, in index order, evaluated on first use and kept. */
    private volatile Rational[] pretrainedAtChanges;

    public Instance(String id, int dimension, Rational[][] samples, Network<Rational> pretrained,
                    Map<Integer, Rational> changes, int depth) {
        if (dimension < 1) throw new IllegalArgumentException("dimension must be at least 1, got " + dimension);
        if (depth < 1) throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        if (pretrained.inputDimension() != dimension) {
            throw new IllegalArgumentException("pretrained network reads dimension " + pretrained.inputDimension()
                    + " but the samples have dimension " + dimension);
        }
        this.samples = new Rational[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            if (samples[i].length != dimension) {
                throw new IllegalArgumentException("samples[" + i + "] has " + samples[i].length + " coordinates, expected " + dimension);
            }
            this.samples[i] = Arrays.copyOf(samples[i], dimension);
            for (Rational c : this.samples[i]) if (c == null) throw new IllegalArgumentException("samples[" + i + "] has a missing coordinate");
        }
        for (Map.Entry<Integer, Rational> e : changes.entrySet()) {
            int index = e.getKey();
            if (index < 0 || index >= samples.length) {
                throw new IllegalArgumentException("change index " + index + " is out of range 0.." + (samples.length - 1));
            }
            if (e.getValue() == null) throw new IllegalArgumentException("change " + index + " has no label");
        }
        this.id = id == null ? "" : id;
        this.dimension = dimension;
        this.pretrained = pretrained;
        this.changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
        this.depth = depth;
    }

    /** An instance with {@code f = 0}. */
    public static Instance withZeroPretrained(int dimension, Rational[][] samples, Map<Integer, Rational> changes, int depth) {
        return new Instance("", dimension, samples, Network.zero(RationalField.INSTANCE, dimension, 2), changes, depth);
    }

    public String id() { return id; }
    public int dimension() { return dimension; }
    /** {@code K}. */
    public int sampleCount() { return samples.length; }
    /** {@code N = |I|}. */
    public int changeCount() { return changes.size(); }
    public int depth() { return depth; }
    public Network<Rational> pretrained() { return pretrained; }
    public SortedMap<Integer, Rational> changes() { return changes; }

    /**
     * {@code f(x_i)} for every changed sample {@code i}, in increasing index order (the order of
     * {@link #changes}): the only values of {@code f} that the residuals and the verdict need
     * (proofs-notes/SETTING-exact-model.md, "Where f is evaluated"). Evaluated once, on first use,
     * with the samples spread over the cores.
     */
    public Rational[] pretrainedAtChanges() {
        Rational[] f = pretrainedAtChanges;
        if (f == null) {
            Rational[][] points = new Rational[changes.size()][];
            int c = 0;
            for (int i : changes.keySet()) points[c++] = samples[i];
            f = org.ftc.net.BatchEvaluation.evaluate(pretrained, points);
            pretrainedAtChanges = f;
        }
        return f.clone();
    }

    /** {@code f(x_i)} at one sample: from {@link #pretrainedAtChanges} when it is changed, else evaluated now. */
    public Rational pretrainedAt(int i) {
        if (changes.containsKey(i)) return pretrainedAtChanges()[changes.headMap(i).size()];
        return pretrained.evaluate(samples[i]);
    }

    public Rational[] sample(int i) {
        return Arrays.copyOf(samples[i], dimension);
    }

    /** A copy of all samples. */
    public Rational[][] samples() {
        Rational[][] copy = new Rational[samples.length][];
        for (int i = 0; i < samples.length; i++) copy[i] = Arrays.copyOf(samples[i], dimension);
        return copy;
    }

    /** Direct read access without copying, for the exact evaluators. Callers must not modify it. */
    Rational[][] samplesView() {
        return samples;
    }

    public Instance withId(String newId) {
        return new Instance(newId, dimension, samples, pretrained, changes, depth);
    }

    public Instance withDepth(int newDepth) {
        return new Instance(id, dimension, samples, pretrained, changes, newDepth);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Instance[").append(id.isEmpty() ? "" : id + ", ")
                .append("d=").append(dimension).append(", K=").append(samples.length).append(", N=").append(changes.size())
                .append(", depth=").append(depth).append(", f widths=").append(Arrays.toString(pretrained.hiddenWidths())).append("]");
        if (samples.length <= 12) {
            for (int i = 0; i < samples.length; i++) {
                s.append("\n  x").append(i).append(" = ").append(Arrays.toString(samples[i]));
                Rational y = changes.get(i);
                if (y != null) s.append("  -> ").append(y);
            }
        }
        return s.toString();
    }
}
