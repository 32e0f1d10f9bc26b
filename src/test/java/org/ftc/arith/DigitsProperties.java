package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** {@link Digits}: conversion, carry and read-back keep the integer, checked against {@code BigInteger}. */
class DigitsProperties {

    @Test
    void digitsOfAnIntegerReadBackAsIt() {
        Property.forAll(Gens.zip(Gens.bigIntegers(400), Gens.ints(0, 300), (v, s) -> new Object[] {v, s}))
                .check((p, ctx) -> {
                    BigInteger v = (BigInteger) p[0];
                    int shift = (Integer) p[1];
                    int[] d = Digits.of(v, shift);
                    if (v.signum() == 0) {
                        assertThat(d).isEmpty();
                        return;
                    }
                    int lo = Digits.lowestPosition(v, shift);
                    BigInteger sum = BigInteger.ZERO;
                    for (int k = 0; k < d.length; k++) {
                        assertThat(Math.abs(d[k])).isLessThan(1 << Digits.BITS);
                        assertThat(Integer.signum(d[k]) * v.signum()).isGreaterThanOrEqualTo(0);
                        sum = sum.add(BigInteger.valueOf(d[k]).shiftLeft(Digits.BITS * (lo + k)));
                    }
                    assertThat(d[0]).isNotZero();
                    assertThat(d[d.length - 1]).isNotZero();
                    assertThat(sum).isEqualTo(v.shiftLeft(shift));
                });
    }

    /** Arbitrary signed lanes up to {@code ±2^62}: after a carry pass the value reads back exactly. */
    @Test
    void carryKeepsTheValueOfAnyLanes() {
        Property.forAll(Gens.lists(Gens.longs(-(1L << 62), 1L << 62), 1, 12)).check((lanes, ctx) -> {
            int n = lanes.size() + 3;
            long[] a = new long[n];
            BigInteger want = BigInteger.ZERO;
            for (int k = 0; k < lanes.size(); k++) {
                a[k] = lanes.get(k);
                want = want.add(BigInteger.valueOf(a[k]).shiftLeft(Digits.BITS * k));
            }
            Digits.carry(a, n);
            for (int k = 0; k < n - 1; k++) assertThat(a[k]).isBetween(0L, Digits.MASK);
            assertThat(Digits.value(a, n)).isEqualTo(want);
            ctx.classify(want.signum() < 0, "negative");
        });
    }
}
