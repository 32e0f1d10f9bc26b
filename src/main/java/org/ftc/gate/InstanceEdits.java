package org.ftc.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.Projection;
import org.ftc.instance.Instance;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * The edits the instance shrinker tries, each a function from an instance to a smaller one (or
 * null when it does not apply): delete samples, drop changes, simpler pre-trained networks, lower
 * dimensions, simpler numbers, sorted samples. Pure; nothing here runs an implementation.
 */
final class InstanceEdits {
    private static final RationalField Q = RationalField.INSTANCE;

    private InstanceEdits() {
    }

    /** The instance without samples {@code from..from+count-1} (their changes go with them); null if none would be left. */
    static Instance withoutSamples(Instance inst, int from, int count) {
        if (inst.sampleCount() - count < 1) return null;
        List<Rational[]> samples = new ArrayList<>();
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int i = 0; i < inst.sampleCount(); i++) {
            if (i >= from && i < from + count) continue;
            Rational label = inst.changes().get(i);
            if (label != null) changes.put(samples.size(), label);
            samples.add(inst.sample(i));
        }
        return new Instance(inst.id(), inst.dimension(), samples.toArray(new Rational[0][]), inst.pretrained(), changes, inst.depth());
    }

    /** The instance without the given changes (the samples stay, keeping their labels {@code f(x)}). */
    static Instance withoutChanges(Instance inst, List<Integer> indices) {
        Map<Integer, Rational> fewer = new TreeMap<>(inst.changes());
        for (int i : indices) fewer.remove(i);
        if (fewer.size() == inst.changeCount()) return null;
        return new Instance(inst.id(), inst.dimension(), inst.samples(), inst.pretrained(), fewer, inst.depth());
    }

    static Instance withPretrained(Instance inst, Network<Rational> f) {
        return new Instance(inst.id(), inst.dimension(), inst.samples(), f, inst.changes(), inst.depth());
    }

    /**
     * The {@code f = 0} candidates, none when {@code f} is already 0: first the new labels kept,
     * then every new label replaced by its residual {@code label - f(x)}. The second keeps the
     * fine-tuning problem (the residuals {@code g} must meet, zero at the untouched samples)
     * exactly the same, so a construction bug that needs a nonzero residual keeps failing where
     * the first makes that residual vanish.
     */
    static List<Instance> withZeroPretrained(Instance inst) {
        if (isZero(inst.pretrained())) return List.of();
        Network<Rational> zero = Network.zero(Q, inst.dimension(), 2);
        Rational[] fAtChanges = inst.pretrainedAtChanges();
        Map<Integer, Rational> residuals = new TreeMap<>();
        int c = 0;
        for (Map.Entry<Integer, Rational> e : inst.changes().entrySet()) residuals.put(e.getKey(), e.getValue().subtract(fAtChanges[c++]));
        return List.of(withPretrained(inst, zero), new Instance(inst.id(), inst.dimension(), inst.samples(), zero, residuals, inst.depth()));
    }

    /** {@code f = 0}: a 2-layer network with no neurons and bias 0. */
    static boolean isZero(Network<Rational> f) {
        return f.depth() == 2 && f.neurons() == 0 && f.layer(1).bias(0).isZero();
    }

    /** A network with no neurons whose value is the constant {@code c} everywhere. */
    static Network<Rational> constant(int dimension, Rational c) {
        Network<Rational> zero = Network.zero(Q, dimension, 2);
        Rational[] b = {c};
        Rational[][] w = {new Rational[0]};
        return new Network<>(Q, dimension, List.of(zero.layer(0), new Layer<>(Q, 0, w, b)));
    }

    /** {@code f} without unit {@code unit} of hidden layer {@code layer} (its row and the next layer's column). */
    static Network<Rational> withoutUnit(Network<Rational> f, int layer, int unit) {
        List<Layer<Rational>> layers = new ArrayList<>(f.layers());
        Layer<Rational> l = layers.get(layer), next = layers.get(layer + 1);
        Rational[][] w = new Rational[l.width() - 1][];
        Rational[] b = new Rational[l.width() - 1];
        for (int i = 0, k = 0; i < l.width(); i++) {
            if (i == unit) continue;
            w[k] = l.row(i);
            b[k++] = l.bias(i);
        }
        Rational[][] wn = new Rational[next.width()][];
        Rational[] bn = new Rational[next.width()];
        for (int i = 0; i < next.width(); i++) {
            Rational[] row = next.row(i);
            Rational[] r = new Rational[row.length - 1];
            for (int j = 0, k = 0; j < row.length; j++) if (j != unit) r[k++] = row[j];
            wn[i] = r;
            bn[i] = next.bias(i);
        }
        layers.set(layer, new Layer<>(Q, l.inputs(), w, b));
        layers.set(layer + 1, new Layer<>(Q, l.width() - 1, wn, bn));
        return new Network<>(Q, f.inputDimension(), layers);
    }

    /**
     * Every sample replaced by its coordinates in {@code keep} (in order); {@code f} reads only
     * those inputs (its first layer loses the other columns, i.e. the others are set to 0).
     */
    static Instance keepCoordinates(Instance inst, int[] keep) {
        Rational[][] samples = new Rational[inst.sampleCount()][];
        for (int i = 0; i < samples.length; i++) {
            Rational[] x = inst.sample(i);
            samples[i] = new Rational[keep.length];
            for (int j = 0; j < keep.length; j++) samples[i][j] = x[keep[j]];
        }
        Network<Rational> f = inst.pretrained();
        List<Layer<Rational>> layers = new ArrayList<>(f.layers());
        Layer<Rational> first = layers.get(0);
        Rational[][] w = new Rational[first.width()][];
        Rational[] b = new Rational[first.width()];
        for (int i = 0; i < first.width(); i++) {
            Rational[] row = first.row(i);
            w[i] = new Rational[keep.length];
            for (int j = 0; j < keep.length; j++) w[i][j] = row[keep[j]];
            b[i] = first.bias(i);
        }
        layers.set(0, new Layer<>(Q, keep.length, w, b));
        return new Instance(inst.id(), keep.length, samples, new Network<>(Q, keep.length, layers), inst.changes(), inst.depth());
    }

    /**
     * {@code d = 1} by the construction's own direction: every sample replaced by {@code t = u . x}
     * ({@link Projection}). Only for {@code f = 0}, which reads no coordinate; null otherwise or when
     * two samples are equal.
     */
    static Instance projectOnDirection(Instance inst) {
        if (inst.dimension() == 1 || !isZero(inst.pretrained())) return null;
        Rational[] t;
        try {
            t = Projection.find(inst.samples()).t();
        } catch (IllegalArgumentException equalSamples) {
            return null;
        }
        Rational[][] samples = new Rational[t.length][];
        for (int i = 0; i < t.length; i++) samples[i] = new Rational[] {t[i]};
        return new Instance(inst.id(), 1, samples, Network.zero(Q, 1, 2), inst.changes(), inst.depth());
    }

    /** The samples in lexicographic order of their coordinates (changes move along); null when already sorted. */
    static Instance sorted(Instance inst) {
        Integer[] order = new Integer[inst.sampleCount()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Comparator<Rational[]> lex = (a, b) -> {
            for (int j = 0; j < a.length; j++) {
                int c = a[j].compareTo(b[j]);
                if (c != 0) return c;
            }
            return 0;
        };
        Arrays.sort(order, (a, b) -> lex.compare(inst.sample(a), inst.sample(b)));
        boolean same = true;
        for (int i = 0; i < order.length; i++) same &= order[i] == i;
        if (same) return null;
        Rational[][] samples = new Rational[order.length][];
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int i = 0; i < order.length; i++) {
            samples[i] = inst.sample(order[i]);
            Rational label = inst.changes().get(order[i]);
            if (label != null) changes.put(i, label);
        }
        return new Instance(inst.id(), inst.dimension(), samples, inst.pretrained(), changes, inst.depth());
    }

    /** How many numbers an instance holds: sample coordinates, then labels, then the weights and biases of {@code f}. */
    static int numberCount(Instance inst) {
        int n = inst.sampleCount() * inst.dimension() + inst.changeCount();
        for (Layer<Rational> l : inst.pretrained().layers()) n += l.width() * (l.inputs() + 1);
        return n;
    }

    static Rational number(Instance inst, int index) {
        Rational[] box = new Rational[1];
        mapNumber(inst, index, v -> {
            box[0] = v;
            return v;
        });
        return box[0];
    }

    /** The instance with number {@code index} (in {@link #numberCount} order) replaced by {@code value}. */
    static Instance withNumber(Instance inst, int index, Rational value) {
        return mapNumber(inst, index, v -> value);
    }

    /** Every number of the instance mapped by {@code op} (null when nothing changes). */
    static Instance mapAll(Instance inst, UnaryOperator<Rational> op) {
        boolean[] changed = {false};
        UnaryOperator<Rational> tracked = v -> {
            Rational w = op.apply(v);
            if (!w.equals(v)) changed[0] = true;
            return w;
        };
        Rational[][] s = inst.samples();
        for (Rational[] x : s) for (int j = 0; j < x.length; j++) x[j] = tracked.apply(x[j]);
        Map<Integer, Rational> changes = new TreeMap<>();
        inst.changes().forEach((k, v) -> changes.put(k, tracked.apply(v)));
        List<Layer<Rational>> layers = new ArrayList<>();
        for (Layer<Rational> layer : inst.pretrained().layers()) {
            Rational[][] w = new Rational[layer.width()][];
            Rational[] b = new Rational[layer.width()];
            for (int i = 0; i < layer.width(); i++) {
                w[i] = layer.row(i);
                for (int j = 0; j < w[i].length; j++) w[i][j] = tracked.apply(w[i][j]);
                b[i] = tracked.apply(layer.bias(i));
            }
            layers.add(new Layer<>(Q, layer.inputs(), w, b));
        }
        if (!changed[0]) return null;
        return new Instance(inst.id(), inst.dimension(), s, new Network<>(Q, inst.dimension(), layers), changes, inst.depth());
    }

    private static Instance mapNumber(Instance inst, int index, UnaryOperator<Rational> op) {
        int d = inst.dimension();
        int coords = inst.sampleCount() * d;
        if (index < coords) {
            Rational[][] s = inst.samples();
            Rational old = s[index / d][index % d];
            Rational v = op.apply(old);
            if (v.equals(old)) return inst;
            s[index / d][index % d] = v;
            return new Instance(inst.id(), d, s, inst.pretrained(), inst.changes(), inst.depth());
        }
        index -= coords;
        if (index < inst.changeCount()) {
            Map<Integer, Rational> changes = new TreeMap<>(inst.changes());
            int key = new ArrayList<>(changes.keySet()).get(index);
            Rational old = changes.get(key);
            Rational v = op.apply(old);
            if (v.equals(old)) return inst;
            changes.put(key, v);
            return new Instance(inst.id(), d, inst.samples(), inst.pretrained(), changes, inst.depth());
        }
        index -= inst.changeCount();
        Network<Rational> f = inst.pretrained();
        List<Layer<Rational>> layers = new ArrayList<>(f.layers());
        for (int l = 0; l < layers.size(); l++) {
            Layer<Rational> layer = layers.get(l);
            int size = layer.width() * (layer.inputs() + 1);
            if (index >= size) {
                index -= size;
                continue;
            }
            Rational[][] w = new Rational[layer.width()][];
            Rational[] b = new Rational[layer.width()];
            for (int i = 0; i < layer.width(); i++) {
                w[i] = layer.row(i);
                b[i] = layer.bias(i);
            }
            int row = index / (layer.inputs() + 1), col = index % (layer.inputs() + 1);
            Rational old = col < layer.inputs() ? w[row][col] : b[row];
            Rational v = op.apply(old);
            if (v.equals(old)) return inst;
            if (col < layer.inputs()) w[row][col] = v;
            else b[row] = v;
            layers.set(l, new Layer<>(Q, layer.inputs(), w, b));
            return withPretrained(inst, new Network<>(Q, f.inputDimension(), layers));
        }
        throw new IndexOutOfBoundsException("number " + index + " beyond the instance's numbers");
    }
}
