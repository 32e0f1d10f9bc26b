package org.ftc.prop;

/** What a property body can tell the runner about one try. */
public interface Context {
    /** Counts this try under {@code label} (once per try) for statistics and coverage. */
    void label(String label);

    /** {@code label(label)} when {@code condition} holds. */
    void classify(boolean condition, String label);

    /** A line shown in the failure report when this try is the shrunk failure. */
    void note(String text);

    /**
     * Discards this try unless {@code condition} holds: a discarded example is neither a pass nor a
     * failure (and never a shrink step). Discards are counted in the report and capped like
     * overruns: a property that discards nearly everything fails with an error instead of passing.
     */
    void assume(boolean condition);
}
