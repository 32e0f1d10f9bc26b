package org.ftc.construct;

/**
 * The combinatorial part of a T3C construction: at most {@code T+} positive and {@code T-} negative
 * residuals per group, and the greedy groups of the active points (group {@code j} holds the active
 * points with indices {@code groupStart[j] .. groupStart[j+1] - 1} in sorted order). Widths:
 * {@code m1 = C} (one first-layer unit per cut, plus the linear unit), {@code m2 = 3(T+ + T-)}.
 * An empty plan ({@code C = 0}) is the zero network.
 */
public record CutPlan(int tPlus, int tMinus, int[] groupStart) {
    public CutPlan {
        groupStart = groupStart.clone();
    }

    public static CutPlan empty() {
        return new CutPlan(0, 0, new int[] {0});
    }

    @Override
    public int[] groupStart() {
        return groupStart.clone();
    }

    /** {@code C}, the number of groups (cells). */
    public int groups() {
        return groupStart.length - 1;
    }

    public int m1() {
        return groups();
    }

    public int m2() {
        return groups() == 0 ? 0 : 3 * (tPlus + tMinus);
    }

    /** The closed formula {@code C + 3(T+ + T-)} (0 for the empty plan). */
    public int neurons() {
        return m1() + m2();
    }

    @Override
    public String toString() {
        return "CutPlan[T+=" + tPlus + ", T-=" + tMinus + ", C=" + groups() + ", neurons=" + neurons() + "]";
    }
}
