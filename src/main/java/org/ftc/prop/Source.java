package org.ftc.prop;

/**
 * The choice sequence a generator reads. Every random decision of a generator is a call to
 * {@link #choice}; a run records the answers, so the same answers replay the same value and the
 * shrinker can edit the answers instead of the value. Generators should map smaller choices to
 * simpler values: {@code 0} is always the simplest.
 */
public interface Source {
    /** A choice in {@code [0, max]}, {@code max >= 0}; {@code 0} is the simplest answer. */
    long choice(long max);

    /** {@code choice(1) == 1}. */
    default boolean bool() {
        return choice(1) == 1;
    }

    /**
     * A boolean that random runs make true with probability {@code p}, recorded as one choice in
     * {@code [0, 1]} (false, the simpler answer, is 0). Lists use it for "one more element?".
     */
    default boolean weighted(double p) {
        return bool();
    }

    /**
     * A choice in {@code [0, max]} that random runs draw uniformly, without the bias toward small
     * and boundary values that {@link #choice} has (for picking among alternatives by weight).
     */
    default long uniform(long max) {
        return choice(max);
    }

    /**
     * Random runs only, not recorded: true with probability {@code p} while drawing fresh random
     * choices, always false when replaying. Generators use it to steer random runs toward special
     * values (bounds) by then drawing the choices that encode them with {@link #forced}, so the
     * special value has its ordinary encoding and no shortcut in the shrink order.
     */
    default boolean explore(double p) {
        return false;
    }

    /**
     * Random runs only, not recorded: a uniform number in {@code [0, max]} while drawing fresh
     * random choices, 0 when replaying. For computing the value to pass to {@link #forced}.
     */
    default long hint(long max) {
        return 0;
    }

    /**
     * A choice in {@code [0, max]} whose fresh random answer is {@code value} (clamped); replaying
     * reads the recorded answer as {@link #choice} does.
     */
    default long forced(long max, long value) {
        return choice(max);
    }

    /**
     * Records a "one more?" answer that a list does not ask: {@code true} before an element the
     * list must have (below its minimum size), {@code false} after the last element of a full
     * list. Every element's span then reads alike (the answer, then the element) and every list
     * ends with a 0, so deleting the span of any element, the first or one of a full list, leaves
     * the list and what the generator draws after it in step. Without the slots, deleting the
     * first element would read the next answer as a value, and deleting one of a full list would
     * read the following choice as "one more?". A replay reads the slot and records
     * {@code more} whatever it holds.
     */
    default void listMarker(boolean more) {
        forced(1, more ? 1 : 0);
    }

    /** Opens a group of choices (an element, a branch) that the shrinker may delete or zero. */
    void startSpan();

    /** Closes the group opened by the matching {@link #startSpan()}. */
    void endSpan();
}
