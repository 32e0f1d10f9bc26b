package org.ftc.construct;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

/** Small hand-worked T3U examples; ThreeLayerCellsProperties covers the general case. */
class ThreeLayerCellsExamplesTest {
    private static Rational q(String s) {
        return NumberParser.exact(s);
    }

    private static Rational[][] line(int k) {
        Rational[][] p = new Rational[k][];
        for (int i = 0; i < k; i++) p[i] = new Rational[] {Rational.of(i)};
        return p;
    }

    private static Network<Rational> build(Instance inst) {
        return ThreeLayerCells.construct(RationalField.INSTANCE, inst);
    }

    @Test
    void noChangeIsTheZeroNetworkOfDepthThree() {
        Instance inst = Instance.withZeroPretrained(1, line(4), Map.of(), 3);
        Network<Rational> g = build(inst);
        assertThat(g.depth()).isEqualTo(3);
        assertThat(g.neurons()).isZero();
        assertThat(ThreeLayerCells.neuronCount(Residuals.of(inst))).isZero();
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
    }

    @Test
    void changesToTheOldValueNeedNothing() {
        // f = 0, so a label 0 is no change at all.
        Instance inst = Instance.withZeroPretrained(1, line(4), Map.of(1, q("0"), 2, q("0")), 3);
        assertThat(build(inst).neurons()).isZero();
    }

    @Test
    void aSingleSampleIsOneConstantUnit() {
        // One cell, one sample: G is the constant 7 = relu(0 t + 7): m1 = 1 (the linear unit), m2 = 1.
        Instance inst = Instance.withZeroPretrained(1, line(1), Map.of(0, q("7")), 3);
        Network<Rational> g = build(inst);
        assertThat(g.hiddenWidths()).containsExactly(1, 1);
        assertThat(g.evaluate(new Rational[] {q("0")})).isEqualTo(q("7"));
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
    }

    @Test
    void anInteriorHatIsThreeRampsAndAnEndHatOne() {
        // Samples 0..4, change at 2 to 5: one cell, G_c is the hat 0,5,0 on 1,2,3: jumps +5 at 1,
        // -10 at 2, +5 at 3, so P = 2, Q = 1, m1 = 1: 4 neurons.
        Instance interior = Instance.withZeroPretrained(1, line(5), Map.of(2, q("5")), 3);
        assertThat(build(interior).hiddenWidths()).containsExactly(1, 3);
        assertThat(ThreeLayerCells.neuronCount(Residuals.of(interior))).isEqualTo(4);
        assertThat(FineTuneCheck.check(interior, build(interior)).fineTuned()).isTrue();
        // Change at the last sample 4: G_c is extended linearly beyond it: one ramp 5 relu(t - 3): 2 neurons.
        Instance end = Instance.withZeroPretrained(1, line(5), Map.of(4, q("5")), 3);
        assertThat(build(end).hiddenWidths()).containsExactly(1, 1);
        assertThat(FineTuneCheck.check(end, build(end)).fineTuned()).isTrue();
    }

    @Test
    void allSamplesChangedOnALineIsOneLineUnit() {
        // N = K = 4 with values on the line 1 + 2t: no zero stretch, no breakpoint, the leftmost
        // line is positive on [0, 3]: m1 = 1, m2 = 1.
        Map<Integer, Rational> ch = new TreeMap<>();
        for (int i = 0; i < 4; i++) ch.put(i, Rational.of(1 + 2 * i));
        Instance inst = Instance.withZeroPretrained(1, line(4), ch, 3);
        assertThat(build(inst).hiddenWidths()).containsExactly(1, 1);
        // Values 1, -1, ... cross zero: the line needs relu(l) - relu(-l); values 1,-1,1,-1 also have
        // breakpoints at 1 (+4... slopes -2, 2, -2: jumps +4 at 1, -4 at 2): P = 1 + 1, Q = 1 + 1.
        Map<Integer, Rational> zig = new TreeMap<>();
        for (int i = 0; i < 4; i++) zig.put(i, Rational.of(i % 2 == 0 ? 1 : -1));
        Instance z = Instance.withZeroPretrained(1, line(4), zig, 3);
        Network<Rational> g = build(z);
        assertThat(g.hiddenWidths()).containsExactly(1, 4);
        assertThat(FineTuneCheck.check(z, g).fineTuned()).isTrue();
    }

    @Test
    void hardInstanceOfSixteenNeedsEighteenNeurons() {
        // u u c (u u u c)^15 u u with residual 1. By hand (proofs-notes/T3U-cells.md, "hard
        // instance"): a cell of p changed samples costs (P, Q) = (2p - s, p - s), where s <= 2 counts
        // its ends cut right next to a changed sample, and each cut serves one cell (changed samples
        // are never adjacent). M = 6 with sizes 3,3,3,3,2,2 and every cut right after a changed sample
        // gives max P = 5, max Q = 2: 11 + 7 = 18. No M reaches 17: e.g. M = 5 would need m2 = 8, and
        // (6,2) or (5,3) allow p <= 2 + s, so the five cells hold at most 14 < 16 changed samples;
        // M = 4 would need m2 = 10, where (7,3) allows at most 15 and (6,4) at most 13.
        int n = 16;
        int k = 4 * n + 1;
        Map<Integer, Rational> ch = new TreeMap<>();
        for (int i = 0; i < n; i++) ch.put(2 + 4 * i, Rational.ONE);
        Instance inst = Instance.withZeroPretrained(1, line(k), ch, 3);
        Network<Rational> g = build(inst);
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
        assertThat(g.neurons()).isEqualTo(18);
        assertThat(ThreeLayerCells.neuronCount(Residuals.of(inst))).isEqualTo(18);
        assertThat(ThreeLayerCells.planWithCells(Residuals.of(inst), 6).neurons()).isEqualTo(18);
        assertThat((long) g.neurons()).isLessThanOrEqualTo(Budget.threeLayerUpper(n));
    }

    @Test
    void fixedCellCountsAreValidatedClearly() {
        Instance inst = Instance.withZeroPretrained(1, line(5), Map.of(1, q("1"), 3, q("2")), 3);
        assertThatThrownBy(() -> ThreeLayerCells.planWithCells(Residuals.of(inst), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..2");
        assertThat(ThreeLayerCells.planWithCells(Residuals.of(inst), 2).m1()).isEqualTo(3);
    }
}
