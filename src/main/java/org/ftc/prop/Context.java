package org.ftc.prop;

/** What a property body can tell the runner about one try. */
public interface Context {
    /** Counts this try under {@code label} (once per try) for statistics and coverage. */
    void label(String label);

    /** {@code label(label)} when {@code condition} holds. */
    void classify(boolean condition, String label);

    /** A line shown in the failure report when this try is the shrunk failure. */
    void note(String text);
}
