package org.ftc.construct;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

/** Small hand-worked examples; the properties cover the general case. */
class TwoLayerHatsExamplesTest {
    private static Rational q(String s) {
        return NumberParser.exact(s);
    }

    private static Rational[][] line(String... xs) {
        Rational[][] p = new Rational[xs.length][];
        for (int i = 0; i < xs.length; i++) p[i] = new Rational[] {q(xs[i])};
        return p;
    }

    @Test
    void singleChangeUsesOneHatOfThreeNeurons() {
        Instance inst = Instance.withZeroPretrained(1, line("0", "1", "2", "3", "4"), Map.of(2, q("5")), 2);
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, inst);
        // knots at 1, 2, 3 with jumps +5, -10, +5 (slopes 0 -> 5 -> -5 -> 0)
        assertThat(g.neurons()).isEqualTo(3);
        assertThat(TwoLayerHats.neuronCount(Residuals.of(inst))).isEqualTo(3);
        assertThat(g.evaluate(new Rational[] {q("2")})).isEqualTo(q("5"));
        assertThat(g.evaluate(new Rational[] {q("3/2")})).isEqualTo(q("5/2"));
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
    }

    @Test
    void runsShareASingleUntouchedNeighbour() {
        // changed at 1 and 3 with only sample 2 between them: knots 0,1,2,3,4 -> 5 neurons, not 6
        Instance inst = Instance.withZeroPretrained(1, line("0", "1", "2", "3", "4"), Map.of(1, q("1"), 3, q("1")), 2);
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, inst);
        assertThat(g.neurons()).isEqualTo(5);
        assertThat(TwoLayerHats.neuronCount(Residuals.of(inst))).isEqualTo(5);
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
    }

    @Test
    void collinearKnotsNeedNoNeuron() {
        // run 1,2,3 with values 1,2,1: knots 0..4, values 0,1,2,1,0: slope 1,1,-1,-1 -> jumps at 0 (+1), 2 (-2), 4 (+1)
        Instance inst = Instance.withZeroPretrained(1, line("0", "1", "2", "3", "4"), Map.of(1, q("1"), 2, q("2"), 3, q("1")), 2);
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, inst);
        assertThat(g.neurons()).isEqualTo(3);
        assertThat(TwoLayerHats.neuronCount(Residuals.of(inst))).isEqualTo(3);
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
    }

    @Test
    void changedEndSampleUsesAVirtualNeighbour() {
        Instance inst = Instance.withZeroPretrained(1, line("0", "1"), Map.of(0, q("-2")), 2);
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, inst);
        assertThat(g.evaluate(new Rational[] {q("-1")})).isEqualTo(Rational.ZERO);
        assertThat(g.evaluate(new Rational[] {q("-1/2")})).isEqualTo(q("-1"));
        assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
        assertThat(g.neurons()).isEqualTo(3);
    }

    @Test
    void wrongNetworkIsReportedWithTheSample() {
        Instance inst = Instance.withZeroPretrained(1, line("0", "1", "2"), Map.of(1, q("1")), 2);
        Network<Rational> zero = Network.zero(RationalField.INSTANCE, 1, 2);
        FineTuneCheck.Report report = FineTuneCheck.check(inst, zero);
        assertThat(report.fineTuned()).isFalse();
        assertThat(report.failures()).hasSize(1);
        assertThat(report.failures().get(0).index()).isEqualTo(1);
        assertThat(report.failures().get(0).wanted()).isEqualTo(Rational.ONE);
        assertThat(report.failures().get(0).actual()).isEqualTo(Rational.ZERO);
    }

    @Test
    void conflictingDuplicatesAreInfeasibleAndAgreeingOnesMerge() {
        Rational[][] pts = {{q("1"), q("2")}, {q("1"), q("2")}, {q("0"), q("0")}};
        Instance conflict = Instance.withZeroPretrained(2, pts, Map.of(0, q("3")), 2);
        assertThatThrownBy(() -> Residuals.of(conflict)).isInstanceOf(InfeasibleInstanceException.class)
                .hasMessageContaining("samples 0 and 1");
        Instance agree = Instance.withZeroPretrained(2, pts, Map.of(0, q("3"), 1, q("3")), 2);
        assertThat(Residuals.of(agree).size()).isEqualTo(2);
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, agree);
        assertThat(FineTuneCheck.check(agree, g).fineTuned()).isTrue();
    }

    @Test
    void doubleVersionRunsOnEasyInput() {
        Instance inst = Instance.withZeroPretrained(1, line("0", "1", "2", "3"), Map.of(1, q("1/2")), 2);
        Network<Double> g = TwoLayerHats.construct(DoubleField.INSTANCE, inst);
        assertThat(FineTuneCheck.check(inst, g.toExact()).fineTuned()).isTrue();
    }
}
