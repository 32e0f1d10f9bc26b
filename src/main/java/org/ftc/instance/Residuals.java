package org.ftc.instance;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
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
        int k = samples.length;
        Map<Integer, Rational> changes = instance.changes();
        // f is needed only at the changed samples (an untouched sample's residual is 0).
        Rational[] fAtChanges = instance.pretrainedAtChanges();
        Rational[] label = new Rational[k];
        Rational[] residual = new Rational[k];
        Arrays.fill(residual, Rational.ZERO);
        int c = 0;
        for (Map.Entry<Integer, Rational> e : changes.entrySet()) {
            label[e.getKey()] = e.getValue();
            residual[e.getKey()] = e.getValue().subtract(fAtChanges[c++]);
        }
        int[] first = firstOccurrences(samples);
        // Distinct points in order of first appearance; slotOf[i]: the point sample i belongs to.
        int[] slotOf = new int[k];
        int n = 0;
        for (int i = 0; i < k; i++) slotOf[i] = first[i] == i ? n++ : slotOf[first[i]];
        Rational[][] points = new Rational[n][];
        Rational[] values = new Rational[n];
        boolean[] changed = new boolean[n];
        int[] size = new int[n];
        for (int i = 0; i < k; i++) {
            int s = slotOf[i];
            if (first[i] == i) {
                points[s] = samples[i];
                values[s] = residual[i];
            } else if (values[s].compareTo(residual[i]) != 0) {
                throw new InfeasibleInstanceException("samples " + first[i] + " and " + i + " are the same point "
                        + show(samples[i]) + " but need different outputs: " + demand(first[i], instance)
                        + " versus " + demand(i, instance));
            }
            if (label[i] != null) changed[s] = true;
            size[s]++;
        }
        int[][] members = new int[n][];
        for (int s = 0; s < n; s++) members[s] = new int[size[s]];
        int[] filled = new int[n];
        for (int i = 0; i < k; i++) members[slotOf[i]][filled[slotOf[i]]++] = i;
        return new Residuals(points, values, changed, members, changes.size());
    }

    /**
     * For each sample, the index of the first sample equal to it (itself if none comes before).
     * Samples are grouped by a hash of their coordinates (a primitive sort of hash-and-index keys,
     * in parallel), and only samples of one group are compared, coordinate by coordinate, exactly.
     */
    static int[] firstOccurrences(Rational[][] samples) {
        int k = samples.length;
        long[] keys = new long[k];
        IntStream.range(0, k).parallel().forEach(i -> keys[i] = ((long) Arrays.hashCode(samples[i]) << 32) | i);
        Arrays.parallelSort(keys);
        int[] first = new int[k];
        int start = 0;
        for (int a = 1; a <= k; a++) {
            if (a < k && keys[a] >> 32 == keys[start] >> 32) continue;
            // One hash group, in increasing sample index: each sample is equal to an earlier
            // representative of the group or is one itself. A large group (hashes made to collide)
            // is sorted by its points instead, so that the work stays O(g log g) comparisons.
            if (a - start > LARGE_GROUP) {
                firstInLargeGroup(samples, keys, start, a, first);
                start = a;
                continue;
            }
            for (int x = start; x < a; x++) {
                int i = (int) keys[x];
                first[i] = i;
                for (int y = start; y < x; y++) {
                    int j = (int) keys[y];
                    if (first[j] == j && Arrays.equals(samples[i], samples[j])) {
                        first[i] = j;
                        break;
                    }
                }
            }
            start = a;
        }
        return first;
    }

    private static final int LARGE_GROUP = 16;

    /** {@link #firstOccurrences} for the group {@code keys[from..to)}: sorted by point, then index. */
    private static void firstInLargeGroup(Rational[][] samples, long[] keys, int from, int to, int[] first) {
        Integer[] group = new Integer[to - from];
        for (int x = from; x < to; x++) group[x - from] = (int) keys[x];
        Arrays.sort(group, (i, j) -> {
            for (int c = 0; c < samples[i].length; c++) {
                int cmp = samples[i][c].compareTo(samples[j][c]);
                if (cmp != 0) return cmp;
            }
            return Integer.compare(i, j);
        });
        int rep = group[0];
        for (int x = 0; x < group.length; x++) {
            if (x > 0 && !Arrays.equals(samples[group[x]], samples[rep])) rep = group[x];
            first[group[x]] = rep;
        }
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
