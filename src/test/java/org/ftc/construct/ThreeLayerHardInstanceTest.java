package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.bounds.HardInstances;
import org.ftc.gen.Hard;
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
        Instance inst = Hard.fixed(n, 1 + n % 3, 3);
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
        Property.forAll(Gens.ints(16, 1024)).check((n, ctx) -> assertRatio(n, 1.6, false));
    }

    @Test
    void oneIsTheWorstRatioAndItIsExactlyTwo() {
        // N = 1: one hat (3 ramps) and the linear unit: 4 neurons; T3L(1) = 2 since 2 + 1*1 >= 3 > 1 + 0.
        assertThat(ThreeLayerCells.neuronCount(Residuals.of(Hard.fixed(1, 1, 3)))).isEqualTo(4);
        assertThat(Budget.threeLayerLower(1)).isEqualTo(2);
    }

    /**
     * Random hard instances (random line in {@code Q^d}, gaps, extra untouched samples, positive or
     * alternating residuals over a random pre-trained {@code f}): T3U fine-tunes them exactly with
     * its count formula, and that count lies between T3L (which holds for every 3-layer network on
     * an instance needing {@code 3N} breakpoints) and the budget {@code B3(N)}.
     */
    @Test
    void randomHardInstancesLieBetweenT3lAndB3() {
        Property.forAll(Gens.oneOf(Hard.cases(HardInstances.Variant.THREE_N, 3), Hard.cases(HardInstances.Variant.ALTERNATING, 3)))
                .named("T3U on random hard instances: T3L <= count <= B3, exact")
                .check((h, ctx) -> {
                    Residuals residuals = Residuals.of(h.instance());
                    assertThat(residuals.activeCount()).isEqualTo(h.n());
                    int count = ThreeLayerCells.neuronCount(residuals);
                    Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, h.instance());
                    FineTuneCheck.Report report = FineTuneCheck.check(h.instance(), g);
                    if (!report.fineTuned()) throw new AssertionError("T3U failed: " + report.describe(5));
                    assertThat(g.neurons()).as("neurons = count formula").isEqualTo(count);
                    assertThat((long) count).as("T3L").isGreaterThanOrEqualTo(Budget.threeLayerLower(h.n()))
                            .as("B3").isLessThanOrEqualTo(Budget.threeLayerUpper(h.n()));
                    ctx.label(h.variant() + " N = " + h.n());
                });
    }
}
