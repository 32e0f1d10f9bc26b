package org.ftc.construct;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Network;

/**
 * The 2-layer construction that reaches {@code FTC_2(N, K)} on every instance: the smaller of T2U
 * ({@link TwoLayerHats}, at most {@code 3N}) and {@link TwoLayerFewSamples} ({@code K - 2}, or
 * {@code K - 1} on a zigzag of at most 4 points). Exact arithmetic. See proofs-notes/FTC2-exact-table.md.
 */
public final class TwoLayerExact {
    private TwoLayerExact() {
    }

    public static Network<Rational> construct(Instance instance) {
        Network<Rational> hats = TwoLayerHats.construct(RationalField.INSTANCE, instance);
        Network<Rational> few = TwoLayerFewSamples.construct(instance);
        return few.neurons() < hats.neurons() ? few : hats;
    }
}
