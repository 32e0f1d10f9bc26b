package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

/**
 * The exact shape of {@code G} off the samples, which the fine-tuning verdict cannot see: a lone
 * changed sample gets a hat whose virtual neighbours are at distance exactly 1 (class comment of
 * {@link TwoLayerHats}; found by the manual mutation check, docs/mutation-check.md, where moving a
 * virtual neighbour to distance 2 still fine-tuned every instance).
 */
class TwoLayerHatsShapeTest {
    private static Rational g(Network<Rational> g, Rational t) {
        return g.evaluate(new Rational[] {t});
    }

    @Test
    void aLoneChangedSampleGetsAHatOfHalfWidthOne() {
        // d = 1, one sample x = 0 changed to 1, f = 0: G is the hat through (-1, 0), (0, 1), (1, 0), i.e.
        // relu(t + 1) - 2 relu(t) + relu(t - 1): 3 neurons, G(1/2) = 1/2, G = 0 outside (-1, 1).
        Instance instance = Instance.withZeroPretrained(1, new Rational[][] {{Rational.ZERO}}, Map.of(0, Rational.ONE), 2);
        Network<Rational> net = TwoLayerHats.construct(RationalField.INSTANCE, instance);
        assertThat(net.neurons()).isEqualTo(3);
        assertThat(g(net, Rational.ZERO)).isEqualTo(Rational.ONE);
        assertThat(g(net, Rational.of(1, 2))).isEqualTo(Rational.of(1, 2));
        assertThat(g(net, Rational.of(-1, 2))).isEqualTo(Rational.of(1, 2));
        assertThat(g(net, Rational.ONE)).isEqualTo(Rational.ZERO);
        assertThat(g(net, Rational.of(-1))).isEqualTo(Rational.ZERO);
        assertThat(g(net, Rational.of(3, 2))).isEqualTo(Rational.ZERO);
        assertThat(g(net, Rational.of(-7))).isEqualTo(Rational.ZERO);
    }
}
