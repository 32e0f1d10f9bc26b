package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

/**
 * Hand-built point pairs whose difference polynomial has a root exactly where a weakened
 * {@link Projection#guaranteedBase} would land (found by the manual mutation check,
 * docs/mutation-check.md). The small tries never reach the guaranteed base on these pairs, so the
 * base is checked directly: it must be {@code 2 + ceil(2M / delta)} and must separate the pair.
 */
class GuaranteedBaseTest {
    private static Rational[][] points(long... xy) {
        Rational[][] p = new Rational[xy.length / 2][];
        for (int i = 0; i < p.length; i++) p[i] = new Rational[] {Rational.of(xy[2 * i]), Rational.of(xy[2 * i + 1])};
        return p;
    }

    /** {@code x . (1, T)} for a 2-d point. */
    private static Rational project(Rational[] x, BigInteger base) {
        return x[0].add(x[1].multiply(Rational.of(base)));
    }

    @Test
    void rootAtTwoMOverDelta() {
        // x = (-1, 1), y = (1, 0): M = 1, delta = 1 (column gaps 2 and 1). x.u - y.u = -2 + T vanishes at
        // T = 2 = 2M/delta, the Cauchy bound minus one; the formula gives T0 = 2 + 2 = 4.
        Rational[][] x = points(-1, 1, 1, 0);
        BigInteger base = Projection.guaranteedBase(x);
        assertThat(base).isEqualTo(BigInteger.valueOf(4));
        assertThat(project(x[0], base)).isNotEqualTo(project(x[1], base));
    }

    @Test
    void rootAboveMOverDelta() {
        // x = (-8, 1), y = (2, 0): M = 8, delta = 1 (gaps 10 and 1). x.u - y.u = -10 + T vanishes at T = 10,
        // which is M/delta + 2: a bound using M instead of 2M would pick exactly the root. T0 = 2 + 16 = 18.
        Rational[][] x = points(-8, 1, 2, 0);
        BigInteger base = Projection.guaranteedBase(x);
        assertThat(base).isEqualTo(BigInteger.valueOf(18));
        assertThat(project(x[0], base)).isNotEqualTo(project(x[1], base));
    }

    @Test
    void fractionalGapsScaleTheBase() {
        // x = (-1/2, 1/4), y = (1/2, 0): M = 1/2, delta = 1/4 (gaps 1 and 1/4): T0 = 2 + ceil(1 / (1/4)) = 6.
        // The difference -1 + T/4 vanishes at T = 4 = 2M/delta.
        Rational[][] x = {{Rational.of(-1, 2), Rational.of(1, 4)}, {Rational.of(1, 2), Rational.ZERO}};
        BigInteger base = Projection.guaranteedBase(x);
        assertThat(base).isEqualTo(BigInteger.valueOf(6));
        assertThat(project(x[0], base)).isNotEqualTo(project(x[1], base));
    }
}
