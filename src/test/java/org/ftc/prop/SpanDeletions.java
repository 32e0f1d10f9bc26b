package org.ftc.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the shrinker's simplest pass sees: a random example of a generator, and the value replayed
 * after deleting each of its spans in turn. Tests use it to show that a generator lets every
 * element of a list go by deleting one span, leaving what is drawn after the list as it was.
 */
public final class SpanDeletions<T> {
    private final T value;
    private final List<T> afterDeletion;

    private SpanDeletions(T value, List<T> afterDeletion) {
        this.value = value;
        this.afterDeletion = afterDeletion;
    }

    /** The example of {@code gen} for {@code seed} and, for each of its spans, the replay without it (a replay that fails is left out). */
    public static <T> SpanDeletions<T> of(Gen<T> gen, long seed) {
        ChoiceRecorder rec = new ChoiceRecorder(null, new SplittableRandom(seed));
        T value = gen.generate(rec);
        long[] choices = rec.choices();
        int[] spans = rec.spans();
        List<T> after = new ArrayList<>();
        for (int s = 0; s < spans.length; s += 3) {
            int from = spans[s], to = spans[s + 1];
            long[] c = new long[choices.length - (to - from)];
            System.arraycopy(choices, 0, c, 0, from);
            System.arraycopy(choices, to, c, from, choices.length - to);
            try {
                after.add(Replay.generate(gen, c));
            } catch (RuntimeException e) {
                // not a valid candidate for the shrinker either
            }
        }
        return new SpanDeletions<>(value, after);
    }

    public T value() {
        return value;
    }

    /** The values replayed with one span deleted. */
    public List<T> afterDeletion() {
        return afterDeletion;
    }
}
