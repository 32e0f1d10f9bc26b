package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/** The construction for the depth an instance asks for. */
public final class Constructions {
    private Constructions() {
    }

    /** @throws NoConstructionException when no construction exists for the instance's depth (only 2 and 3 have one) */
    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        switch (instance.depth()) {
            case 2:
                return TwoLayerHats.construct(field, instance);
            case 3:
                return ThreeLayerCells.construct(field, instance);
            default:
                throw new NoConstructionException("no construction for depth " + instance.depth() + " (supported: 2, 3)");
        }
    }
}
