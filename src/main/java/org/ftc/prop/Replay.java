package org.ftc.prop;

import java.util.SplittableRandom;

/** Runs a generator on a given choice sequence, or on a seeded random one, outside a property. */
public final class Replay {
    private Replay() {
    }

    /** A generated value with the choices it consumed. */
    public record Recorded<T>(T value, long[] choices) {
        public Recorded {
            choices = choices.clone();
        }

        @Override
        public long[] choices() {
            return choices.clone();
        }
    }

    /**
     * The value {@code gen} makes from {@code choices}; reading past the end yields 0, values above a
     * choice's maximum are clamped to it.
     *
     * @throws IllegalStateException if the sequence overruns the per-example cap of choices
     */
    public static <T> T generate(Gen<T> gen, long[] choices) {
        return record(gen, choices).value();
    }

    /** Like {@link #generate} and also returns the choices actually consumed (the canonical form). */
    public static <T> Recorded<T> record(Gen<T> gen, long[] choices) {
        return run(gen, new ChoiceRecorder(choices.clone(), null));
    }

    /** A random example from the seed, with its choices (e.g. to create instances to shrink later). */
    public static <T> Recorded<T> random(Gen<T> gen, long seed) {
        return run(gen, new ChoiceRecorder(null, new SplittableRandom(seed)));
    }

    private static <T> Recorded<T> run(Gen<T> gen, ChoiceRecorder rec) {
        T value;
        try {
            value = gen.generate(rec);
        } catch (Overrun o) {
            throw new IllegalStateException("example needs more than " + ChoiceRecorder.MAX_CHOICES + " choices");
        }
        return new Recorded<>(value, rec.choices());
    }
}
