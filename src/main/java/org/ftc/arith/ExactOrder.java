package org.ftc.arith;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The indices of an array of rationals in increasing order of value, decided exactly, ties (equal
 * values) in increasing index: the same order as sorting the indices with
 * {@code (a, b) -> values[a].compareTo(values[b])} and then the index, but without sorting objects.
 *
 * <p>Each value gets a 64-bit key: the nearest double of the value ({@link Rational#doubleValue},
 * correctly rounded, hence monotone: {@code a < b} implies {@code double(a) <= double(b)}), as a
 * signed long in the same order, with its low bits cleared and replaced by the index. Clearing low
 * bits rounds the key down to a multiple of a power of two, which is monotone too, so sorting the
 * keys (a primitive sort, in parallel) orders the values up to groups of equal rounded key; each
 * such group is then put in exact order by {@link Rational#compareTo}. No value is ever ordered by
 * its approximation alone (proofs-notes/SETTING-exact-model.md, "Exact order").
 */
public final class ExactOrder {
    private ExactOrder() {
    }

    /** Below this many values the sort stays on the calling thread. */
    private static final int PARALLEL_THRESHOLD = 1 << 13;

    /** The permutation {@code order} with {@code values[order[0]] <= values[order[1]] <= ...}. */
    public static int[] ascending(Rational[] values) {
        int n = values.length;
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) keys[i] = (orderedBits(values[i].doubleValue()) & ~indexMask) | i;
        if (n >= PARALLEL_THRESHOLD) Arrays.parallelSort(keys);
        else Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & indexMask);
        // Groups of equal rounded key: exact order inside each (already in index order, which
        // breaks ties among equal values).
        Comparator<Integer> exact = (a, b) -> {
            int c = values[a].compareTo(values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        };
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i < n && (keys[i] & ~indexMask) == (keys[start] & ~indexMask)) continue;
            if (i - start > 1) sortGroup(order, start, i, exact);
            start = i;
        }
        return order;
    }

    /** The doubles' order as signed longs: {@code x < y} exactly when {@code orderedBits(x) < orderedBits(y)}. */
    static long orderedBits(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static void sortGroup(int[] order, int from, int to, Comparator<Integer> exact) {
        Integer[] group = new Integer[to - from];
        for (int i = from; i < to; i++) group[i - from] = order[i];
        if (group.length >= PARALLEL_THRESHOLD) Arrays.parallelSort(group, exact);
        else Arrays.sort(group, exact);
        for (int i = from; i < to; i++) order[i] = group[i - from];
    }
}
