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
        if (this != BEST) return this;
        return ThreeLayerCuts.neuronCount(residuals) < ThreeLayerCells.neuronCount(residuals) ? T3C : T3U;
    }

    /** The exact neuron count of the 3-layer network this construction builds. */
    public int neuronCount(Residuals residuals) {
        switch (resolve(residuals)) {
            case T3U:
                return ThreeLayerCells.neuronCount(residuals);
            default:
                return ThreeLayerCuts.neuronCount(residuals);
        }
    }

    public <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        switch (resolve(residuals)) {
            case T3U:
                return ThreeLayerCells.construct(field, residuals, dimension);
            default:
                return ThreeLayerCuts.construct(field, residuals, dimension);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
