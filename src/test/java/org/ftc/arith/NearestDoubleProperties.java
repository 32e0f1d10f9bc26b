package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * {@link Rational#doubleValue} is the nearest double, ties to even, checked exactly against the two
 * neighbouring doubles (a value's exact binary expansion is {@link Rational#of(double)}).
 */
class NearestDoubleProperties {
    /** Values near midpoints between doubles, subnormals, the overflow edge, and ordinary rationals. */
    static Gen<Rational> values() {
        Gen<Rational> nearMidpoint = Gens.zip(Gens.longs(1L << 52, (1L << 53) - 1), Gens.ints(-1100, 1000), Gens.ints(-3, 3),
                (m, e, nudge) -> {
                    // (2m + 1) 2^(e-1) is the midpoint between m 2^e and (m + 1) 2^e; nudge by a tiny amount
                    Rational mid = Rational.of(BigInteger.valueOf(2 * m + 1)).multiply(pow2(e - 1));
                    return mid.add(Rational.of(nudge).multiply(pow2(e - 70)));
                });
        return Gens.frequency(List.of(
                Weighted.of(3, nearMidpoint),
                Weighted.of(2, Gens.rationals()),
                Weighted.of(1, Gens.zip(Gens.bigIntegers(1100), Gens.ints(0, 1200), (n, k) -> Rational.of(n).multiply(pow2(-k))))));
    }

    static Rational pow2(int e) {
        return e >= 0 ? Rational.of(BigInteger.ONE.shiftLeft(e)) : Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(-e));
    }

    @Test
    void doubleValueIsTheNearestDoubleTiesToEven() {
        Property.forAll(values()).cover("a tie", 1).check((q, ctx) -> {
            double r = q.doubleValue();
            if (Double.isInfinite(r)) {
                // beyond MAX_VALUE + half an ulp (2^1024 - 2^970)
                Rational limit = pow2(1024).subtract(pow2(970));
                assertThat(q.abs().compareTo(limit)).isGreaterThanOrEqualTo(0);
                return;
            }
            Rational here = q.subtract(Rational.of(r)).abs();
            for (double other : new double[] {Math.nextUp(r), Math.nextDown(r)}) {
                if (Double.isInfinite(other)) continue;
                Rational there = q.subtract(Rational.of(other)).abs();
                int c = here.compareTo(there);
                assertThat(c).as("%s is nearer to %s than to %s", q, other, r).isLessThanOrEqualTo(0);
                if (c == 0) {
                    ctx.label("a tie");
                    assertThat(Double.doubleToRawLongBits(Math.abs(r)) & 1).as("ties go to even").isZero();
                }
            }
        });
    }

    @Test
    void theReviewersCase() {
        // 2^53 + 1 + 10^-6 lies just above the midpoint 2^53 + 1 of 2^53 and 2^53 + 2: nearest is 2^53 + 2.
        Rational q = Rational.of((1L << 53) + 1).add(Rational.of(1, 1_000_000));
        assertThat(q.doubleValue()).isEqualTo(9007199254740994.0);
        // Exactly the midpoint: ties to even, 2^53 (mantissa even).
        assertThat(Rational.of(BigInteger.valueOf((1L << 53) + 1)).multiply(Rational.of(3)).divide(Rational.of(3)).doubleValue())
                .isEqualTo(9007199254740992.0);
    }
}
