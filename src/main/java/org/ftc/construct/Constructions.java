package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;

/**
 * The construction for the depth an instance asks for: T2U at depth 2; at depth 3 the chosen 3-layer
 * construction (by default {@link ThreeLayerConstruction#BEST}); at depth {@code L >= 4} the 3-layer
 * one plus {@code L - 3} pass-through units ({@link PassThrough}).
 */
public final class Constructions {
    private Constructions() {
    }

    /** @throws NoConstructionException when no construction exists for the instance's depth (depth 1 has none) */
    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        return construct(field, instance, ThreeLayerConstruction.BEST);
    }

    public static <T> Network<T> construct(Field<T> field, Instance instance, ThreeLayerConstruction threeLayer) {
        int depth = instance.depth();
        if (depth < 2) throw new NoConstructionException("no construction for depth " + depth + " (supported: any depth >= 2)");
        if (depth == 2) return TwoLayerHats.construct(field, instance);
        Residuals residuals = Residuals.of(instance);
        Network<T> g3 = threeLayer.construct(field, residuals, instance.dimension());
        return PassThrough.extend(g3, residuals, depth);
    }
}
