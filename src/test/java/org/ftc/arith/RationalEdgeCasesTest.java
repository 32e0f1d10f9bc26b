package org.ftc.arith;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed edge cases of the small (two-{@code long}) path of {@link Rational} that random
 * operands almost never reach: 128-bit cross products straddling {@code 2^63}, sums that land exactly
 * on {@code Long.MIN_VALUE}, and a numerator too wide for an exact {@code double}. Found by the manual
 * mutation check (docs/mutation-check.md); every expected value is derived by hand in a comment.
 */
class RationalEdgeCasesTest {
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    @Test
    void compareToIsRightWhenTheCrossProductsStraddleTwoToThe63() {
        // a = p/3, b = q/5 with p = 1844674407370955162, q = 3074457345618258602 (both fit a long).
        // 5p = 9223372036854775810 = 2^63 + 2 and 3q = 9223372036854775806 = 2^63 - 2: the high words of
        // the 128-bit products are both 0, the low words differ in their top bit. a - b = 4/15 > 0.
        Rational a = Rational.of(1844674407370955162L, 3);
        Rational b = Rational.of(3074457345618258602L, 5);
        assertThat(BigInteger.valueOf(1844674407370955162L).multiply(BigInteger.valueOf(5))).isEqualTo(TWO_63.add(BigInteger.TWO));
        assertThat(BigInteger.valueOf(3074457345618258602L).multiply(BigInteger.valueOf(3))).isEqualTo(TWO_63.subtract(BigInteger.TWO));
        assertThat(a.compareTo(b)).isPositive();
        assertThat(b.compareTo(a)).isNegative();
        assertThat(a.subtract(b)).isEqualTo(Rational.of(4, 15));
        // The same with both signs flipped: -a < -b (high words are then both -1).
        assertThat(a.negate().compareTo(b.negate())).isNegative();
        assertThat(b.negate().compareTo(a.negate())).isPositive();
    }

    @Test
    void sameDenominatorSumExactlyAtLongMinValue() {
        // (-2^62)/3 + (-2^62)/3 = -2^63/3: the numerator sum is Long.MIN_VALUE, which the small form must not hold.
        Rational h = Rational.of(-(1L << 62), 3);
        // Preemptive: a missing MIN_VALUE guard sends the binary gcd into an endless loop, not an exception.
        Rational sum = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> h.add(h));
        Rational expected = Rational.of(TWO_63.negate(), BigInteger.valueOf(3));
        assertThat(sum).isEqualTo(expected);
        assertThat(sum.numerator()).isEqualTo(TWO_63.negate());
        assertThat(sum.denominator()).isEqualTo(BigInteger.valueOf(3));
        assertThat(sum.negate()).isEqualTo(Rational.of(TWO_63, BigInteger.valueOf(3)));
        assertThat(sum.negate().signum()).isEqualTo(1);
    }

    @Test
    void crossDenominatorSumExactlyAtLongMinValue() {
        // -2^61 + (-2^61)/3 = -2^61 * 4/3 = -2^63/3; the cross-multiplied numerator is 3(-2^61) + (-2^61) = -2^63.
        Rational sum = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Rational.of(-(1L << 61)).add(Rational.of(-(1L << 61), 3)));
        assertThat(sum).isEqualTo(Rational.of(TWO_63.negate(), BigInteger.valueOf(3)));
        assertThat(sum.negate().signum()).isEqualTo(1);
        assertThat(sum.negate()).isEqualTo(Rational.of(TWO_63, BigInteger.valueOf(3)));
    }

    @Test
    void doubleValueOfAWideNumeratorIsANearestDouble() {
        // n = 2258848920572997260 > 2^53 is not a double, so (double) n / 3 rounds twice; the exact value
        // n/3 = 752949640190999086.67 lies between the doubles 752949640190999040 and ...9168 (spacing 128),
        // nearer the first (distance 46.67 against 81.33). Checked exactly against both neighbours.
        Rational x = Rational.of(2258848920572997260L, 3);
        double c = x.doubleValue();
        assertThat(c).isEqualTo(752949640190999040.0);
        Rational distance = x.subtract(Rational.of(c)).abs();
        assertThat(distance.compareTo(x.subtract(Rational.of(Math.nextUp(c))).abs())).isLessThanOrEqualTo(0);
        assertThat(distance.compareTo(x.subtract(Rational.of(Math.nextDown(c))).abs())).isLessThanOrEqualTo(0);
    }

    @Test
    void equalValuesAreEqualWhateverTheirSpellingAndDifferentOnesAreNot() {
        // 1/2 from a long pair, a BigInteger pair, a double and a decimal text: one canonical value.
        Rational half = Rational.of(1, 2);
        for (Rational same : new Rational[] {Rational.of(BigInteger.valueOf(-7), BigInteger.valueOf(-14)), Rational.of(0.5),
                NumberParser.exact("0.5"), NumberParser.exact("0x.8p0"), Rational.of(3, 4).subtract(Rational.of(1, 4))}) {
            assertThat(same).isEqualTo(half);
            assertThat(same.hashCode()).isEqualTo(half.hashCode());
        }
        // Same numerator, different denominator; same denominator, different numerator.
        assertThat(Rational.of(1, 3)).isNotEqualTo(half);
        assertThat(Rational.of(3, 2)).isNotEqualTo(half);
    }

    @Test
    void hexLiteralsWithFractionDigits() {
        // 0x1.8p-3 = 1.5 / 8 = 3/16; 0x.1p0 = 1/16; -0xA.Cp1 = -(10 + 12/16) * 2 = -43/2; 0x1.08p4 = (1 + 8/256) * 16 = 33/2.
        assertThat(NumberParser.exact("0x1.8p-3")).isEqualTo(Rational.of(3, 16));
        assertThat(NumberParser.exact("0x.1p0")).isEqualTo(Rational.of(1, 16));
        assertThat(NumberParser.exact("-0xA.Cp1")).isEqualTo(Rational.of(-43, 2));
        assertThat(NumberParser.exact("0x1.08p4")).isEqualTo(Rational.of(33, 2));
    }
}
