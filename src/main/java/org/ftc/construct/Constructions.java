package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/** The construction for the depth an instance asks for. */
public final class Constructions {
    private Constructions() {
    }

    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        switch (instance.depth()) {
            case 2:
                return TwoLayerHats.construct(field, instance);
            case 3:
                return ThreeLayerCells.construct(field, instance);
            default:
                throw new IllegalArgumentException("no construction for depth " + instance.depth() + " (supported: 2, 3)");
        }
    }
}
