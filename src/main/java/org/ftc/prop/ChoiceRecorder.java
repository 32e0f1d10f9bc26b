package org.ftc.prop;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The one {@link Source}: answers come from a prefix (replay, shrink candidates), then from a
 * random generator if there is one, else 0. Every answer is recorded, with the spans.
 */
final class ChoiceRecorder implements Source {
    /** Cap on choices per example; beyond it the example is an overrun (invalid). */
    static final int MAX_CHOICES = 100_000;
    private static final long[] NONE = new long[0];

    private final long[] prefix;
    private final SplittableRandom random;
    private long[] choices = new long[32];
    /** The maximum each recorded choice was asked with. */
    private long[] maxes = new long[32];
    private int size;
    /** Spans as (start, end, depth) triples, in order of opening. */
    private int[] spans = new int[48];
    private int spanCount;
    private int[] open = new int[16];
    private int depth;

    ChoiceRecorder(long[] prefix, SplittableRandom random) {
        this.prefix = prefix == null ? NONE : prefix;
        this.random = random;
    }

    @Override
    public long choice(long max) {
        if (max < 0) throw new IllegalArgumentException("choice max must be >= 0: " + max);
        if (max == 0) return 0;
        long v;
        if (size < prefix.length) v = Math.min(Math.max(prefix[size], 0), max);
        else if (random != null) v = biased(max);
        else v = 0;
        record(v, max);
        return v;
    }

    @Override
    public boolean weighted(double p) {
        long v;
        if (size < prefix.length) v = Math.min(Math.max(prefix[size], 0), 1);
        else if (random != null) v = random.nextDouble() < p ? 1 : 0;
        else v = 0;
        record(v, 1);
        return v == 1;
    }

    @Override
    public long uniform(long max) {
        if (max < 0) throw new IllegalArgumentException("choice max must be >= 0: " + max);
        if (max == 0) return 0;
        long v;
        if (size < prefix.length) v = Math.min(Math.max(prefix[size], 0), max);
        else if (random != null) v = upTo(max);
        else v = 0;
        record(v, max);
        return v;
    }

    @Override
    public boolean explore(double p) {
        return random != null && size >= prefix.length && random.nextDouble() < p;
    }

    @Override
    public long hint(long max) {
        return random != null && size >= prefix.length && max > 0 ? upTo(max) : 0;
    }

    @Override
    public long forced(long max, long value) {
        if (max < 0) throw new IllegalArgumentException("choice max must be >= 0: " + max);
        if (max == 0) return 0;
        long v;
        if (size < prefix.length) v = Math.min(Math.max(prefix[size], 0), max);
        else if (random != null) v = Math.min(Math.max(value, 0), max);
        else v = 0;
        record(v, max);
        return v;
    }

    /**
     * Random answers lean toward the simple and the extreme: 0, max and near-max, a small range,
     * a log-uniform size, and only a quarter of the time the full uniform range.
     */
    private long biased(long max) {
        int r = random.nextInt(16);
        if (r == 0) return 0;
        if (r == 1) return max;
        if (r == 2) return max - Math.min(max, random.nextInt(4));
        if (r < 8) return upTo(Math.min(max, 16));
        if (r < 12) {
            int bits = 64 - Long.numberOfLeadingZeros(max);
            int b = random.nextInt(bits + 1);
            return upTo(b >= 63 ? max : Math.min(max, (1L << b) - 1));
        }
        return upTo(max);
    }

    private long upTo(long max) {
        if (max == Long.MAX_VALUE) return random.nextLong() & Long.MAX_VALUE;
        return random.nextLong(max + 1);
    }

    private void record(long v, long max) {
        if (size >= MAX_CHOICES) throw Overrun.INSTANCE;
        if (size == choices.length) {
            choices = Arrays.copyOf(choices, size * 2);
            maxes = Arrays.copyOf(maxes, size * 2);
        }
        maxes[size] = max;
        choices[size++] = v;
    }

    @Override
    public void listMarker(boolean more) {
        record(more ? 1 : 0, 1);
    }

    @Override
    public void startSpan() {
        if (spanCount >= MAX_CHOICES) throw Overrun.INSTANCE;
        if (3 * spanCount + 3 > spans.length) spans = Arrays.copyOf(spans, spans.length * 2);
        if (depth == open.length) open = Arrays.copyOf(open, depth * 2);
        spans[3 * spanCount] = size;
        spans[3 * spanCount + 1] = -1;
        spans[3 * spanCount + 2] = depth;
        open[depth++] = spanCount++;
    }

    @Override
    public void endSpan() {
        if (depth == 0) return;
        spans[3 * open[--depth] + 1] = size;
    }

    long[] choices() {
        return Arrays.copyOf(choices, size);
    }

    /** The maximum of each recorded choice (a replay clamps a value into {@code [0, max]}). */
    long[] maxes() {
        return Arrays.copyOf(maxes, size);
    }

    /** Closed, non-empty spans as (start, end, depth) triples. */
    int[] spans() {
        int[] out = new int[3 * spanCount];
        int n = 0;
        for (int i = 0; i < spanCount; i++) {
            int start = spans[3 * i], end = spans[3 * i + 1];
            if (end <= start) continue;
            out[n++] = start;
            out[n++] = end;
            out[n++] = spans[3 * i + 2];
        }
        return Arrays.copyOf(out, n);
    }
}
