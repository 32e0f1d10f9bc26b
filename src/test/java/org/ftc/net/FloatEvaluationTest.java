package org.ftc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.net.FloatEvaluation.Precision;
import org.junit.jupiter.api.Test;

/** Hand-derived IEEE results: each expected value is worked out in the comment beside it. */
class FloatEvaluationTest {
    private static Rational pow2(int e) {
        return e >= 0 ? Rational.of(BigInteger.ONE.shiftLeft(e)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(-e));
    }

    private static Network<Rational> affine(Rational[] w, Rational b) {
        RationalField q = RationalField.INSTANCE;
        return new Network<>(q, w.length, List.of(new Layer<>(q, w.length, new Rational[][] {w}, new Rational[] {b})));
    }

    @Test
    void nearestFloatRoundsOnceFromTheExactValue() {
        // 1 + 2^-24 + 2^-80 lies above the tie between 1 and 1 + 2^-23: nearest is 1 + 2^-23. Through a
        // double it would first become the tie 1 + 2^-24 and then go to even, 1.
        Rational q = Rational.ONE.add(pow2(-24)).add(pow2(-80));
        assertThat((float) q.doubleValue()).isEqualTo(1.0f);
        assertThat(FloatEvaluation.nearestFloat(q)).isEqualTo(1.0f + 0x1p-23f);
        // exact ties go to the even significand: 1 + 2^-24 -> 1; 1 + 3 2^-24 -> 1 + 2^-22
        assertThat(FloatEvaluation.nearestFloat(Rational.ONE.add(pow2(-24)))).isEqualTo(1.0f);
        assertThat(FloatEvaluation.nearestFloat(Rational.ONE.add(pow2(-24).multiply(Rational.of(3))))).isEqualTo(1.0f + 0x1p-22f);
        // 1/3 = 0x1.5555...p-2; 24 significant bits round up in the last place: 0x1.555556p-2
        assertThat(FloatEvaluation.nearestFloat(Rational.of(1, 3))).isEqualTo(0x1.555556p-2f);
        assertThat(FloatEvaluation.nearestFloat(Rational.of(-1, 3))).isEqualTo(-0x1.555556p-2f);
    }

    @Test
    void nearestFloatOverflowsAtHalfAUnitAboveTheLargest() {
        // MAX_VALUE = 2^128 - 2^104; half a unit above it is 2^128 - 2^103 (a tie, MAX_VALUE odd: to infinity)
        Rational limit = pow2(128).subtract(pow2(103));
        assertThat(FloatEvaluation.nearestFloat(limit)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FloatEvaluation.nearestFloat(limit.subtract(Rational.ONE))).isEqualTo(Float.MAX_VALUE);
        assertThat(FloatEvaluation.nearestFloat(limit.negate())).isEqualTo(Float.NEGATIVE_INFINITY);
        // the smallest subnormal 2^-149; half of it is a tie with 0 (even): 0
        assertThat(FloatEvaluation.nearestFloat(pow2(-149))).isEqualTo(Float.MIN_VALUE);
        assertThat(FloatEvaluation.nearestFloat(pow2(-150))).isEqualTo(0.0f);
        assertThat(FloatEvaluation.nearestFloat(pow2(-150).multiply(Rational.of(3)))).isEqualTo(2 * Float.MIN_VALUE);
    }

    @Test
    void noFusedMultiplyAdd() {
        // w = x = 1 + 2^-12: w x = 1 + 2^-11 + 2^-24, in float32 a tie between 1 + 2^-11 (even) and the next
        // float: 1 + 2^-11. Adding b = -(1 + 2^-11) gives 0. A fused multiply-add would give 2^-24.
        Rational w = Rational.ONE.add(pow2(-12));
        Network<Rational> g = affine(new Rational[] {w}, Rational.ONE.add(pow2(-11)).negate());
        Rational[][] x = {{w}};
        assertThat(FloatEvaluation.evaluate(g, x, Precision.FLOAT32)[0]).isEqualTo(0.0);
        assertThat(Math.fma(1.0f + 0x1p-12f, 1.0f + 0x1p-12f, -(1.0f + 0x1p-11f))).isEqualTo(0x1p-24f);
        // in float64 the product is exact: 2^-24
        assertThat(FloatEvaluation.evaluate(g, x, Precision.FLOAT64)[0]).isEqualTo(0x1p-24);
    }

    @Test
    void sumsRunLeftToRight() {
        // float32: (2^24 + 1) + 1 = 2^24 + 1 (tie, to even 2^24) + 1 = 2^24 again; right to left would give 2^24 + 2
        Network<Rational> g = affine(new Rational[] {Rational.ONE, Rational.ONE, Rational.ONE}, Rational.ZERO);
        Rational[][] x = {{pow2(24), Rational.ONE, Rational.ONE}};
        assertThat(FloatEvaluation.evaluate(g, x, Precision.FLOAT32)[0]).isEqualTo(0x1p24);
        assertThat(FloatEvaluation.evaluate(g, x, Precision.FLOAT64)[0]).isEqualTo(0x1p24 + 2);
    }

    @Test
    void reluBetweenLayersAndTheSumOfTwoNetworksRoundedOnce() {
        RationalField q = RationalField.INSTANCE;
        // g(x) = relu(x - 1) - relu(-x): at x = 3: 2; at x = -2: -2
        Network<Rational> g = new Network<>(q, 1, List.of(
                new Layer<>(q, 1, new Rational[][] {{Rational.ONE}, {Rational.MINUS_ONE}}, new Rational[] {Rational.MINUS_ONE, Rational.ZERO}),
                new Layer<>(q, 2, new Rational[][] {{Rational.ONE, Rational.MINUS_ONE}}, new Rational[] {Rational.ZERO})));
        Rational[][] x = {{Rational.of(3)}, {Rational.of(-2)}};
        double[] v = FloatEvaluation.evaluate(g, x, Precision.FLOAT32);
        assertThat(v).containsExactly(2.0, -2.0);
        // f = 2^24 (constant), g = 1: f + g = 2^24 + 1, a tie in float32 (to even: 2^24); exact in float64
        Network<Rational> f = affine(new Rational[] {Rational.ZERO}, pow2(24));
        Network<Rational> one = affine(new Rational[] {Rational.ZERO}, Rational.ONE);
        Rational[][] p = {{Rational.ZERO}};
        assertThat(FloatEvaluation.sum(f, one, p, Precision.FLOAT32)[0]).isEqualTo(0x1p24);
        assertThat(FloatEvaluation.sum(f, one, p, Precision.FLOAT64)[0]).isEqualTo(0x1p24 + 1);
    }
}
