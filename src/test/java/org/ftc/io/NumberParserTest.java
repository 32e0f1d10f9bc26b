package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

class NumberParserTest {
    private final NumberParser p = NumberParser.DEFAULT;

    @Test
    void readsEveryNotationExactly() throws FormatException {
        assertThat(p.parse("-12")).isEqualTo(Rational.of(-12));
        assertThat(p.parse("7/3")).isEqualTo(Rational.of(7, 3));
        assertThat(p.parse("-14/6")).isEqualTo(Rational.of(-7, 3));
        assertThat(p.parse("0.125")).isEqualTo(Rational.of(1, 8));
        // -2.5e-30 = -25 / 10^31 = -1 / (4 * 10^29)
        assertThat(p.parse("-2.5e-30")).isEqualTo(Rational.of(BigInteger.ONE.negate(), BigInteger.valueOf(4).multiply(BigInteger.TEN.pow(29))));
        assertThat(p.parse("1E+3")).isEqualTo(Rational.of(1000));
        // 0x1.8p-3 = 1.5 / 8 = 3/16
        assertThat(p.parse("0x1.8p-3")).isEqualTo(Rational.of(3, 16));
        assertThat(p.parse("-0x1p+1")).isEqualTo(Rational.of(-2));
        assertThat(p.parse("0x0.0p+0")).isEqualTo(Rational.ZERO);
        assertThat(p.parse("-0")).isEqualTo(Rational.ZERO);
        assertThat(p.parse("2.")).isEqualTo(Rational.of(2));
        assertThat(p.parse(".5")).isEqualTo(Rational.of(1, 2));
    }

    @Test
    void hexOfADoubleIsItsExactBinaryValue() throws FormatException {
        // 0.1 as a double is not 1/10; its hex literal must give exactly Rational.of(0.1).
        assertThat(p.parse(Double.toHexString(0.1))).isEqualTo(Rational.of(0.1)).isNotEqualTo(Rational.of(1, 10));
        assertThat(p.parse(Double.toHexString(Double.MIN_VALUE))).isEqualTo(Rational.of(Double.MIN_VALUE));
    }

    @Test
    void refusesGarbageAndAbuse() {
        for (String bad : new String[] {"", " 1", "1 ", "abc", "NaN", "Infinity", "inf", "1/0", "1/-2", "1//2", "--1", "1e", "0x", "0xp1", "1.2.3", "0x1.8p", "1/2/3", "+", "."}) {
            assertThatThrownBy(() -> p.parse(bad)).as(bad).isInstanceOf(FormatException.class);
        }
        assertThatThrownBy(() -> p.parse("1e10001")).isInstanceOf(FormatException.class).hasMessageContaining("exponent");
        assertThatThrownBy(() -> p.parse("1e-99999999999999999999")).isInstanceOf(FormatException.class).hasMessageContaining("exponent");
        assertThatThrownBy(() -> p.parse("0x1p-10001")).isInstanceOf(FormatException.class).hasMessageContaining("exponent");
        assertThatThrownBy(() -> p.parse("1".repeat(10_001))).isInstanceOf(FormatException.class).hasMessageContaining("10001 characters");
    }

    @Test
    void limitsAreInclusive() throws FormatException {
        assertThat(p.parse("1e10000")).isEqualTo(Rational.of(BigInteger.TEN.pow(10_000)));
        assertThat(p.parse("1".repeat(10_000))).isEqualTo(Rational.of(new BigInteger("1".repeat(10_000))));
    }
}
