package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
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

    /**
     * The digits of a long number without its full conversion agree with {@code toString}: powers
     * of ten and their neighbours (where the digit count changes), powers of two and theirs (where
     * the bit length does), and random numbers, on both sides of the conversion threshold.
     */
    @Test
    void digitsOfLongNumbersAgreeWithTheFullConversion() {
        Gen<BigInteger> offset = Gens.longs(-3, 3).map(BigInteger::valueOf);
        Gen<BigInteger> nearTen = Gens.zip(Gens.ints(600, 4000), offset, (k, j) -> BigInteger.TEN.pow(k).add(j));
        Gen<BigInteger> nearTwo = Gens.zip(Gens.ints(2000, 13000), offset, (k, j) -> BigInteger.ONE.shiftLeft(k).add(j));
        Gen<BigInteger> random = Gens.zip(Gens.ints(1900, 13000), Gens.longs(0, Long.MAX_VALUE),
                (bits, seed) -> new BigInteger(bits, new java.util.Random(seed)).setBit(bits - 1));
        Property.forAll(Gens.oneOf(nearTen, nearTwo, random))
                .tries(100)
                .printer(n -> n.bitLength() + "-bit number")
                .check((n, ctx) -> {
                    String full = n.toString();
                    NumberText.Digits d = NumberText.Digits.of(n);
                    assertThat(d.count()).isEqualTo(full.length());
                    assertThat(d.cut()).isEqualTo(full.substring(0, 4) + "..." + full.substring(full.length() - 4));
                    ctx.classify(n.bitLength() >= 2048, "past the conversion threshold");
                });
    }
}
