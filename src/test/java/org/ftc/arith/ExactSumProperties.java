package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} equals the term-by-term sum in {@link Rational} (itself checked against Apfloat
 * by {@code RationalProperties}) on the terms that move it between its modes: small fractions
 * (the general {@code long} mode), numerators and denominators at the edge of a {@code long}
 * (its overflow into {@code BigInteger}), dyadic terms before and after a general one, and big ones.
 */
class ExactSumProperties {

    static Gen<Rational> terms() {
        Gen<Long> nearLimit = Gens.zip(Gens.booleans(), Gens.longs(0, 1 << 20), (neg, off) -> neg ? Long.MIN_VALUE + 1 + off : Long.MAX_VALUE - off);
        Gen<Long> power = Gens.zip(Gens.ints(28, 62), Gens.longs(-3, 3), (p, off) -> (1L << p) + off);
        return Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(4, Gens.zip(Gens.longs(-1000, 1000), Gens.longs(1, 12), Rational::of)),
                Weighted.of(2, Gens.zip(Gens.longs(-50, 50), Gens.ints(0, 62), (n, e) -> Rational.dyadic(n, -e))),
                Weighted.of(2, Gens.zip(nearLimit, Gens.longs(1, 1000), Rational::of)),
                Weighted.of(2, Gens.zip(Gens.longs(-1000, 1000), power, Rational::of)),
                Weighted.of(1, Gens.zip(nearLimit, nearLimit.map(Math::abs), Rational::of)),
                Weighted.of(1, RationalProperties.stressing())));
    }

    @Test
    void sumsAndProductsEqualTheTermByTermSum() {
        Property.forAll(Gens.lists(Gens.zip(terms(), terms(), Gens.booleans(), (a, b, product) -> new Object[] {a, b, product}), 0, 20))
                .printer(list -> list.stream().map(t -> (Boolean) t[2] ? t[0] + "*" + t[1] : t[0].toString()).toList().toString())
                .check((list, ctx) -> {
                    ExactSum sum = new ExactSum();
                    Rational want = Rational.ZERO;
                    for (Object[] t : list) {
                        Rational a = (Rational) t[0], b = (Rational) t[1];
                        if ((Boolean) t[2]) {
                            sum.addProduct(a, b);
                            want = want.add(a.multiply(b));
                        } else {
                            sum.add(a);
                            want = want.add(a);
                        }
                    }
                    assertThat(sum.value()).isEqualTo(want);
                    ctx.classify(want.isSmall(), "small result");
                });
    }
}
