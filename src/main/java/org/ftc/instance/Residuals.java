package org.ftc.instance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.NumberText;

/**
 * What {@code g} must do: the distinct sample points and the value {@code g} must take at each,
 * {@code r_i = y_i - f(x_i)} on changed samples and {@code 0} elsewhere (proofs-notes/SETTING-exact-model.md).
 *
 * <p>Equal samples are merged when their demands agree; when they conflict the instance is
 * infeasible and {@link #of} throws {@link InfeasibleInstanceException} naming the samples.
 * A point is <em>active</em> when its residual is nonzero: only those cost neurons.
 */
public final class Residuals {
    private final Rational[][] points;
    private final Rational[] values;
    private final boolean[] changed;
    private final int[][] members;
    private final int changeCount;

    private Residuals(Rational[][] points, Rational[] values, boolean[] changed, int[][] members, int changeCount) {
        this.points = points;
        this.values = values;
        this.changed = changed;
        this.members = members;
        this.changeCount = changeCount;
    }

    public static Residuals of(Instance instance) {
        Rational[][] samples = instance.samplesView();
        Map<Integer, Rational> changes = instance.changes();
        // f is needed only at the changed samples (an untouched sample's residual is 0).
        Rational[] fAtChanges = instance.pretrainedAtChanges();
        Map<Integer, Rational> residual = new HashMap<>();
        int c = 0;
        for (Map.Entry<Integer, Rational> e : changes.entrySet()) residual.put(e.getKey(), e.getValue().subtract(fAtChanges[c++]));
        Map<List<Rational>, Integer> slot = new HashMap<>();
        List<Rational[]> points = new ArrayList<>();
        List<Rational> values = new ArrayList<>();
        List<Boolean> changed = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < samples.length; i++) {
            Rational label = changes.get(i);
            Rational r = label == null ? Rational.ZERO : residual.get(i);
            List<Rational> key = Arrays.asList(samples[i]);
            Integer s = slot.get(key);
            if (s == null) {
                slot.put(key, points.size());
                points.add(samples[i]);
                values.add(r);
                changed.add(label != null);
                List<Integer> m = new ArrayList<>();
                m.add(i);
                members.add(m);
            } else {
                int first = members.get(s).get(0);
                if (values.get(s).compareTo(r) != 0) {
                    throw new InfeasibleInstanceException("samples " + first + " and " + i + " are the same point "
                            + show(samples[i]) + " but need different outputs: " + demand(first, instance)
                            + " versus " + demand(i, instance));
                }
                members.get(s).add(i);
                if (label != null) changed.set(s, true);
            }
        }
        int n = points.size();
        boolean[] ch = new boolean[n];
        int[][] mem = new int[n][];
        for (int i = 0; i < n; i++) {
            ch[i] = changed.get(i);
            mem[i] = members.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Residuals(points.toArray(new Rational[0][]), values.toArray(new Rational[0]), ch, mem, changes.size());
    }

    private static String demand(int i, Instance instance) {
        Rational label = instance.changes().get(i);
        return label == null ? "sample " + i + " keeps f = " + NumberText.of(instance.pretrainedAt(i))
                : "sample " + i + " is changed to " + NumberText.of(label);
    }

    /** A point for a message: at most 8 coordinates, each abbreviated. */
    private static String show(Rational[] x) {
        StringBuilder s = new StringBuilder("[");
        for (int j = 0; j < Math.min(x.length, 8); j++) s.append(j > 0 ? ", " : "").append(NumberText.exactOrShort(x[j]));
        if (x.length > 8) s.append(", ... (").append(x.length).append(" coordinates)");
        return s.append("]").toString();
    }

    /** Number of distinct points. */
    public int size() {
        return points.length;
    }

    public int dimension() {
        return points.length == 0 ? 0 : points[0].length;
    }

    /** {@code N} of the instance (changed samples, before merging). */
    public int changeCount() {
        return changeCount;
    }

    /** Points whose residual is nonzero. */
    public int activeCount() {
        int a = 0;
        for (Rational v : values) if (!v.isZero()) a++;
        return a;
    }

    public Rational[] point(int i) {
        return points[i].clone();
    }

    /** Read-only view of all points; callers must not modify it. */
    public Rational[][] pointsView() {
        return points;
    }

    /** The value {@code g} must take at point {@code i}. */
    public Rational value(int i) {
        return values[i];
    }

    public boolean isChanged(int i) {
        return changed[i];
    }

    /** The original sample indices merged into point {@code i}. */
    public int[] members(int i) {
        return members[i].clone();
    }
}
