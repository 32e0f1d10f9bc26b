package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

/**
 * T3C in {@code double} on geometry that drives its magnitudes past the double range (one triple,
 * {@code T+ = 1}, serving every cell: pairs of points {@code 1/1000} apart, pairs {@code 1000}
 * apart, labels alternating): the construction either refuses with an {@link ArithmeticException}
 * (the CLI's documented "the double construction failed", exit 1) or returns finite weights; it
 * never hands on an infinite or NaN weight (which the writer would meet half-way through its
 * output). The exact construction of the same instance fine-tunes it.
 */
class ThreeLayerCutsDoubleOverflowTest {

    static Residuals overflowing(int k) {
        Rational[][] samples = new Rational[k][1];
        Map<Integer, Rational> changes = new HashMap<>();
        Rational step = Rational.of(BigInteger.ONE, BigInteger.valueOf(1000));
        for (int i = 0; i < k; i++) {
            samples[i][0] = Rational.of(1000L * (i / 2)).add(i % 2 == 0 ? Rational.ZERO : step);
            changes.put(i, Rational.of(i % 2 == 0 ? 1 : 0));
        }
        return Residuals.of(Instance.withZeroPretrained(1, samples, changes, 3));
    }

    @Test
    void doubleConstructionRefusesOrStaysFinite() {
        Residuals residuals = overflowing(200);
        boolean refused = false;
        try {
            Network<Double> g = ThreeLayerCuts.constructWith(DoubleField.INSTANCE, residuals, 1, 1, 0);
            for (Layer<Double> layer : g.layers()) {
                for (int i = 0; i < layer.width(); i++) {
                    assertThat(Double.isFinite(layer.bias(i))).as("bias %d", i).isTrue();
                    for (int j = 0; j < layer.inputs(); j++) assertThat(Double.isFinite(layer.weight(i, j))).as("weight %d,%d", i, j).isTrue();
                }
            }
        } catch (ArithmeticException e) {
            refused = true;
            assertThat(e.getMessage()).contains("finite");
        }
        // On this geometry the magnitudes pass 2^1024 (measured): the refusal is what happens.
        assertThat(refused).isTrue();
        Network<Rational> exact = ThreeLayerCuts.constructWith(RationalField.INSTANCE, residuals, 1, 1, 0);
        Rational[][] points = residuals.pointsView();
        for (int i = 0; i < points.length; i++) assertThat(exact.evaluate(points[i])).isEqualTo(residuals.value(i));
    }
}
