package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Numbers in messages: exact and short with an approximation, or abbreviated with digit counts. */
class NumberTextTest {
    @Test
    void shortNumbersAreExactWithTheirApproximation() {
        assertThat(NumberText.of(Rational.of(12))).isEqualTo("12");
        assertThat(NumberText.of(Rational.of(3, 11))).isEqualTo("3/11 (~0.273)");
        assertThat(NumberText.of(Rational.of(-83, 2))).isEqualTo("-83/2 (~-41.5)");
        // 1/2^42 = 2.2737...e-13
        assertThat(NumberText.of(Rational.dyadic(1, -42))).isEqualTo("1/4398046511104 (~2.3e-13)");
        assertThat(NumberText.of(Rational.of(7, 1_000_000_000L))).isEqualTo("7/1000000000 (~7.0e-9)");
        assertThat(NumberText.approximate(Rational.of(99_999_999, 100_000_000))).isEqualTo("1");
        assertThat(NumberText.approximate(Rational.of(-995, 1))).isEqualTo("-995");
        assertThat(NumberText.approximate(Rational.of(9_960_000L))).isEqualTo("1.0e7");
    }

    @Test
    void longNumbersShowTheirEndsDigitCountsAndMagnitude() {
        // p = 10^9989 + 7 has 9,990 digits; 1/p is about 1.0e-9989.
        BigInteger p = BigInteger.TEN.pow(9989).add(BigInteger.valueOf(7));
        String shown = NumberText.of(Rational.of(BigInteger.ONE, p));
        assertThat(shown).isEqualTo("1/1000...0007 (1 / 9,990 digits, ~1.0e-9989)");
        BigInteger big = BigInteger.valueOf(123456789).multiply(BigInteger.TEN.pow(60)).add(BigInteger.valueOf(5678));
        assertThat(NumberText.of(Rational.of(big.negate()))).isEqualTo("-1234...5678 (69 digits, ~-1.2e68)");
        assertThat(NumberText.exactOrShort(Rational.of(big))).isEqualTo("1234...5678 (69 digits)");
        assertThat(shown.length()).isLessThan(60);
    }
}
