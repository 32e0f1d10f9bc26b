package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * T3U: a 3-layer {@code g} with {@code m1 = 2M - 1} and {@code m2 <= 4 ceil(N/M)}, written once over
 * {@link Field}; proofs-notes/T3U-cells.md has the proof. The work is split along the mathematics:
 * {@link SortedLine} (the projected, sorted samples), {@link CellTargets} (each cell's target
 * function and the cell formula {@code (P_c, Q_c)}), {@link CellPlanner} (the cells and {@code M}
 * minimising {@code 2M - 1 + max_c P_c + max_c Q_c}) and {@link CellNetwork} (the weights).
 * Untouched samples and samples whose residual is 0 never cost a unit.
 */
public final class ThreeLayerCells {
    private ThreeLayerCells() {
    }

    /**
     * Deliberate mistakes, used only by the suite's own tests to show that the properties catch a
     * broken construction and shrink it to a tiny instance. Production callers never pass one.
     */
    enum PlantedBug {
        NONE,
        /** The transition zone of a cut is {@code [t_j + gap/3, t_{j+1} + gap/3]}: it holds the sample {@code t_{j+1}}. */
        ZONE_OVER_SAMPLE,
        /** Ramps go to units in list order, ignoring their sign: output signs are not shared consistently by the cells. */
        SIGNS_IGNORED
    }

    /** The construction for an instance, in field {@code field}. */
    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        return construct(field, Residuals.of(instance), instance.dimension());
    }

    public static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        return construct(field, residuals, dimension, PlantedBug.NONE);
    }

    /** The construction with exactly {@code M} cells ({@code 1 <= M <= A}, A = active points). */
    public static <T> Network<T> constructWithCells(Field<T> field, Residuals residuals, int dimension, int cells) {
        CellTargets targets = new CellTargets(SortedLine.of(residuals));
        return CellNetwork.build(new FieldLine<>(field, targets.line, residuals, dimension), targets,
                CellPlanner.planWithCells(targets, cells), PlantedBug.NONE);
    }

    static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension, PlantedBug bug) {
        return construct(field, SortedLine.of(residuals), residuals, dimension, bug);
    }

    /** The construction on the sorted line of {@code residuals} (computed once by the caller). */
    static <T> Network<T> construct(Field<T> field, SortedLine line, Residuals residuals, int dimension) {
        return construct(field, line, residuals, dimension, PlantedBug.NONE);
    }

    private static <T> Network<T> construct(Field<T> field, SortedLine line, Residuals residuals, int dimension, PlantedBug bug) {
        CellTargets targets = new CellTargets(line);
        return CellNetwork.build(new FieldLine<>(field, targets.line, residuals, dimension), targets, CellPlanner.bestPlan(targets), bug);
    }

    /** The plan with the smallest total over every {@code M} (the empty plan when no point is active). */
    public static CellPlan plan(Residuals residuals) {
        return plan(SortedLine.of(residuals));
    }

    static CellPlan plan(SortedLine line) {
        return CellPlanner.bestPlan(new CellTargets(line));
    }

    /** The best plan with exactly {@code M} cells, {@code 1 <= M <= A}. */
    public static CellPlan planWithCells(Residuals residuals, int cells) {
        return CellPlanner.planWithCells(new CellTargets(SortedLine.of(residuals)), cells);
    }

    /**
     * The exact neuron count {@code 2M - 1 + max_c P_c + max_c Q_c} of the construction, from the plan's
     * cell counts, which are computed from the signs of exact slope jumps (prefix sums inside cells,
     * direct evaluation at cell ends) and never from a built network.
     */
    public static int neuronCount(Residuals residuals) {
        return plan(residuals).neurons();
    }
}
