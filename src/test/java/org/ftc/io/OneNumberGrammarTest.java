package org.ftc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

/**
 * {@code Rational.parse} and the readers' {@link NumberParser} are one grammar: every text is
 * accepted by both with the same value, or refused by both. The refused list holds the texts the
 * old {@code Rational.parse} accepted (it trimmed, split at the slash and trimmed again, and read a
 * sign after {@code 0x}), which the protocol's parser refuses.
 */
class OneNumberGrammarTest {
    private static final String[] REFUSED = {
        "-0x-1p3", "0x-1p3", "0x+1", "1/-2", "1/+2", " 3 ", " 3", "3 ", "1 / 2", "1/ 2", "1 /2", "\t7", "7\n",
        "", " ", "abc", "NaN", "Infinity", "inf", "1/0", "1/00", "1//2", "--1", "+-1", "1e", "1e+", "0x", "0xp1", "0x.p1",
        "1.2.3", "0x1.8p", "1/2/3", "+", "-", ".", "1.5/2", "1/2.5", "1e5/2", "0x1/2", "1_000", "١٢", "0x1g", "1f", "1d", "0b101",
    };

    private static final String[][] ACCEPTED = {
        {"-12", "-12"}, {"+12", "12"}, {"007", "7"}, {"7/3", "7/3"}, {"-14/6", "-7/3"}, {"+1/2", "1/2"}, {"0/5", "0"}, {"-0", "0"},
        {"0.125", "1/8"}, {"-2.5e-3", "-1/400"}, {"1E+3", "1000"}, {"2.", "2"}, {".5", "1/2"}, {"12e-1", "6/5"}, {"0.000", "0"},
        {"0x1.8p-3", "3/16"}, {"-0x1p+1", "-2"}, {"0X.8P1", "1"}, {"0xA.Cp1", "43/2"}, {"0x0.0p+0", "0"}, {"-0x10", "-16"},
        {"123456789012345678", "123456789012345678"}, {"1234567890123456789", "1234567890123456789"},
        {"99999999999999999999/3", "33333333333333333333"}, {"0.1234567890123456789", "1234567890123456789/10000000000000000000"},
        {"0x123456789abcdef0", "1311768467463790320"}, {"0x1p-70", "1/1180591620717411303424"}, {"0x1p62", "4611686018427387904"},
        {"0x1p63", "9223372036854775808"}, {"9e18", "9000000000000000000"}, {"1e19", "10000000000000000000"},
    };

    @Test
    void bothRefuseWhatTheProtocolRefuses() {
        for (String text : REFUSED) {
            assertThatThrownBy(() -> NumberParser.exact(text)).as("NumberParser.exact(\"%s\")", text).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> NumberParser.DEFAULT.parse(text)).as("NumberParser.parse(\"%s\")", text).isInstanceOf(FormatException.class);
        }
    }

    @Test
    void bothReadTheSameValues() throws FormatException {
        for (String[] c : ACCEPTED) {
            assertThat(NumberParser.exact(c[0]).toString()).as(c[0]).isEqualTo(c[1]);
            assertThat(NumberParser.DEFAULT.parse(c[0]).toString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void theReadersLimitTheLengthRationalParseDoesNot() throws FormatException {
        String big = "1" + "0".repeat(20_000);
        assertThat(NumberParser.exact(big)).isEqualTo(Rational.of(BigInteger.TEN.pow(20_000)));
        assertThatThrownBy(() -> NumberParser.DEFAULT.parse(big)).hasMessageContaining("more than the limit of 10000");
        // Both keep the exponent guard: 1e999999999 costs nothing and is refused.
        assertThatThrownBy(() -> NumberParser.exact("1e999999999")).isInstanceOf(NumberFormatException.class).hasMessageContaining("exponent");
    }
}
