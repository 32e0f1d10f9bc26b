package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** Lehmer's gcd ({@link Gcd}) equals {@code BigInteger.gcd}, on operands above its threshold with planted common factors. */
class GcdProperties {
    @Test
    void lehmerEqualsBigIntegerGcd() {
        int t = Gcd.LEHMER_THRESHOLD;
        Gen<BigInteger> big = Gens.ints(t - 64, 3 * t).flatMap(bits -> Gens.bigIntegers(bits).map(x -> x.setBit(bits)));
        Gen<BigInteger> factor = Gens.oneOf(Gens.constant(BigInteger.ONE), Gens.bigIntegers(64), Gens.bigIntegers(t + 100),
                Gens.ints(0, 200).map(BigInteger.ONE::shiftLeft));
        Property.forAll(Gens.zip(big, big, factor, (a, b, c) -> new BigInteger[] {a.multiply(c), b.multiply(c)}))
                .printer(p -> p[0].bitLength() + "-bit and " + p[1].bitLength() + "-bit operands")
                .check((p, ctx) -> {
                    BigInteger want = p[0].gcd(p[1]);
                    assertThat(Gcd.of(p[0], p[1])).isEqualTo(want);
                    assertThat(Gcd.of(p[1].negate(), p[0])).isEqualTo(want);
                    assertThat(Gcd.of(p[0], p[0].add(p[1].shiftLeft(3)))).isEqualTo(p[0].gcd(p[0].add(p[1].shiftLeft(3))));
                    ctx.classify(want.bitLength() > 64, "a large common factor");
                    ctx.classify(Math.min(p[0].bitLength(), p[1].bitLength()) >= t, "both above the threshold");
                });
    }
}
