package org.ftc.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.FloatEvaluation.Precision;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.junit.jupiter.api.Test;

class ToleranceTest {
    private static Rational r(long n) {
        return Rational.of(n);
    }

    @Test
    void numpyAllcloseRuleWithTheTargetAsReference() {
        Tolerance t = new Tolerance(Rational.ZERO, Rational.of(1, 10));
        assertThat(t.admits(r(11), r(10))).isTrue();   // |1| <= 1/10 * 10
        assertThat(t.admits(r(9), r(10))).isTrue();
        assertThat(t.admits(r(12), r(10))).isFalse();
        assertThat(t.admits(r(-11), r(-10))).isTrue(); // |wanted| is used
        assertThat(t.admits(r(10), r(11))).isTrue();   // 1 <= 11/10
        assertThat(t.admits(r(10), r(9))).isFalse();   // 1 > 9/10: not symmetric, like numpy
        Tolerance both = new Tolerance(Rational.of(1, 2), Rational.of(1, 10));
        assertThat(both.admits(r(0), Rational.of(1, 2))).isTrue();              // 1/2 <= 1/2 + 1/20
        assertThat(both.admits(Rational.of(-3, 5), r(0))).isFalse();            // 3/5 > 1/2 + 0
        assertThat(Tolerance.EXACT.admits(Rational.of(1, 3), Rational.of(2, 6))).isTrue();
        assertThat(Tolerance.EXACT.admits(Rational.of(1, 3), Rational.of(1, 2))).isFalse();
        assertThatThrownBy(() -> new Tolerance(Rational.ZERO, r(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floatCheckReportsTheExactErrorOfTheFloatResult() {
        RationalField q = RationalField.INSTANCE;
        // f = 0, one sample x = 1/3 changed to 1/3, g(x) = x: exact pass. In float32, x in [1/4, 1/2) has
        // unit 2^-25 and becomes round(2^25 / 3) / 2^25 = 11184811 / 2^25 (= 0x1.555556p-2); 11184811 * 3 - 2^25 = 1,
        // so the error is 1 / (3 2^25) = 1/100663296.
        Network<Rational> g = new Network<>(q, 1, List.of(new Layer<>(q, 1, new Rational[][] {{Rational.ONE}}, new Rational[] {Rational.ZERO})));
        Instance instance = Instance.withZeroPretrained(1, new Rational[][] {{Rational.of(1, 3)}, {Rational.ZERO}}, Map.of(0, Rational.of(1, 3)), 1);
        assertThat(FineTuneCheck.check(instance, g).fineTuned()).isTrue();
        FloatCheck.Report exact = FloatCheck.check(instance, g, Precision.FLOAT32, Tolerance.EXACT);
        assertThat(exact.worstError()).contains(Rational.of(1, 100663296));
        assertThat(exact.worstSample()).isZero();
        assertThat(exact.misses()).isEqualTo(1);
        FloatCheck.Report tolerant = FloatCheck.check(instance, g, Precision.FLOAT32, Tolerance.absolute(Rational.of(1, 100663296)));
        assertThat(tolerant.misses()).isZero();
        assertThat(tolerant.describe()).startsWith("float32: worst error 1/100663296 (~9.9e-9) at sample 0 (wanted 1/3 (~0.333), got 0x1.555556p-2");
    }
}
