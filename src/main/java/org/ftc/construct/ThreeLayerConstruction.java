package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * Which 3-layer construction to use: T3U ({@link ThreeLayerCells}), T3C ({@link ThreeLayerCuts}), or
 * {@code BEST}, per instance the one with fewer neurons (T3U on a tie). Both counts are exact
 * formulas computed without building a network, so {@code BEST} builds only the one it keeps.
 */
public enum ThreeLayerConstruction {
    T3U, T3C, BEST;

    /** Parses {@code t3u}, {@code t3c}, {@code best} (any case). */
    public static ThreeLayerConstruction parse(String text) {
        for (ThreeLayerConstruction c : values()) if (c.name().equalsIgnoreCase(text.trim())) return c;
        throw new IllegalArgumentException("construction must be t3u, t3c or best, got '" + text + "'");
    }

    /** The construction {@code BEST} resolves to for these residuals (itself otherwise). */
    public ThreeLayerConstruction resolve(Residuals residuals) {
        return this == BEST ? resolve(SortedLine.of(residuals)) : this;
    }

    /** {@link #resolve(Residuals)} on the sorted line, which both counts share (projecting and sorting once). */
    ThreeLayerConstruction resolve(SortedLine line) {
        if (this != BEST) return this;
        return ThreeLayerCuts.best(line).neurons() < ThreeLayerCells.plan(line).neurons() ? T3C : T3U;
    }

    /** The exact neuron count of the 3-layer network this construction builds. */
    public int neuronCount(Residuals residuals) {
        SortedLine line = SortedLine.of(residuals);
        switch (resolve(line)) {
            case T3U:
                return ThreeLayerCells.plan(line).neurons();
            default:
                return ThreeLayerCuts.best(line).neurons();
        }
    }

    /** The network; {@code BEST} projects, sorts and plans once for both counts and builds the one it keeps. */
    public <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        SortedLine line = SortedLine.of(residuals);
        switch (this) {
            case T3U:
                return ThreeLayerCells.construct(field, line, residuals, dimension);
            case T3C:
                return ThreeLayerCuts.construct(field, line, residuals, dimension);
            default:
                CutPlan cuts = ThreeLayerCuts.best(line);
                CellTargets targets = new CellTargets(line);
                CellPlan cells = CellPlanner.bestPlan(targets);
                FieldLine<T> fl = new FieldLine<>(field, line, residuals, dimension);
                return cuts.neurons() < cells.neurons() ? ThreeLayerCuts.build(fl, cuts)
                        : CellNetwork.build(fl, targets, cells, ThreeLayerCells.PlantedBug.NONE);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
