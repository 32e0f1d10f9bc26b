package org.ftc.prop;

/**
 * The outcome of {@link Shrinker#shrink}: the smallest failing value found, its choice sequence,
 * the number of accepted shrink steps, and whether the time budget ran out before a fixpoint.
 */
public record ShrinkResult<T>(T value, long[] choices, int steps, boolean budgetExhausted) {
    public ShrinkResult {
        choices = choices.clone();
    }

    @Override
    public long[] choices() {
        return choices.clone();
    }
}
