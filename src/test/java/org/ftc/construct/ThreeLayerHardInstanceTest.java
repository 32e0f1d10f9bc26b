package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * T3U against T3L on the hard instances: the construction's count over the lower bound
 * {@code Budget.threeLayerLower(N)} is at most 2 for every N, and at most 1.6 for 16 <= N <= 1024.
 * reports/t3u-ratio.csv has the whole curve (ThreeLayerRatioCurve).
 */
class ThreeLayerHardInstanceTest {

    private static void assertRatio(int n, double bound, boolean checkExactly) {
        Instance inst = ThreeLayerHardInstance.of(n, 1 + n % 3);
        Residuals residuals = Residuals.of(inst);
        assertThat(residuals.activeCount()).isEqualTo(n);
        int count = ThreeLayerCells.neuronCount(residuals);
        long lower = Budget.threeLayerLower(n);
        // ratio <= bound, decided in integers: count * 10 <= bound10 * lower
        long bound10 = Math.round(bound * 10);
        assertThat(10L * count).as("N = " + n + ": " + count + " neurons, T3L lower bound " + lower).isLessThanOrEqualTo(bound10 * lower);
        assertThat((long) count).isLessThanOrEqualTo(Budget.threeLayerUpper(n));
        if (checkExactly) {
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
            assertThat(g.neurons()).isEqualTo(count);
        }
    }

    @Test
    void ratioAtMostTwoForSmallN() {
        for (int n = 1; n <= 40; n++) assertRatio(n, 2.0, true);
    }

    @Test
    void ratioAtMostOnePointSixFromSixteenTo1024() {
        for (int n : new int[] {16, 17, 31, 32, 33, 64, 100, 127, 128, 255, 256, 500, 512, 1000, 1023, 1024}) {
            assertRatio(n, 1.6, n <= 256);
        }
        Property.forAll(Gens.ints(16, 1024)).tries(30).check((n, ctx) -> assertRatio(n, 1.6, false));
    }

    @Test
    void oneIsTheWorstRatioAndItIsExactlyTwo() {
        // N = 1: one hat (3 ramps) and the linear unit: 4 neurons; T3L(1) = 2 since 2 + 1*1 >= 3 > 1 + 0.
        assertThat(ThreeLayerCells.neuronCount(Residuals.of(ThreeLayerHardInstance.of(1, 1)))).isEqualTo(4);
        assertThat(Budget.threeLayerLower(1)).isEqualTo(2);
    }
}
