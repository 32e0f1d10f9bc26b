package org.ftc.arith;

import org.ftc.io.NumberParser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.apfloat.Aprational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/** The fast {@link Rational} agrees with Apfloat's {@code Aprational}, the reference exact field. */
class RationalProperties {
    /** Values that stress the long fast path: around 0, near Long.MAX_VALUE/MIN_VALUE, and big. */
    static Gen<Rational> stressing() {
        Gen<Long> edge = Gens.longs(-20, 20).map(off -> off < 0 ? Long.MIN_VALUE - off - 1 : Long.MAX_VALUE - off);
        Gen<Long> near = Gens.zip(Gens.booleans(), Gens.longs(0, 1000), (neg, off) -> neg ? Long.MIN_VALUE + off : Long.MAX_VALUE - off);
        Gen<Rational> nearFrac = Gens.zip(near, near.filter(v -> v != 0), (n, dd) -> Rational.of(BigInteger.valueOf(n), BigInteger.valueOf(dd)));
        return Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(3, Gens.rationals()),
                Weighted.of(2, Gens.zip(Gens.longs(-50, 50), Gens.longs(1, 50), Rational::of)),
                Weighted.of(2, edge.map(Rational::of)),
                Weighted.of(2, nearFrac)));
    }

    @Test
    void arithmeticAgreesWithAprational() {
        AprationalField ref = AprationalField.INSTANCE;
        Property.forAll(Gens.zip(stressing(), stressing(), (a, b) -> new Rational[] {a, b}))
                .printer(p -> p[0] + ", " + p[1])
                .check((p, ctx) -> {
                    Rational a = p[0], b = p[1];
                    Aprational x = ref.fromRational(a), y = ref.fromRational(b);
                    assertThat(a.add(b)).isEqualTo(ref.toRational(x.add(y)));
                    assertThat(a.subtract(b)).isEqualTo(ref.toRational(x.subtract(y)));
                    assertThat(a.multiply(b)).isEqualTo(ref.toRational(x.multiply(y)));
                    if (!b.isZero()) assertThat(a.divide(b)).isEqualTo(ref.toRational(x.divide(y)));
                    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(x.compareTo(y)));
                    assertThat(a.equals(b)).isEqualTo(x.equals(y));
                    // Canonical form: equal values have equal text and hash.
                    Rational roundTrip = NumberParser.exact(a.toString());
                    assertThat(roundTrip).isEqualTo(a);
                    assertThat(roundTrip.hashCode()).isEqualTo(a.hashCode());
                    ctx.classify(a.bitSize() > 126 || b.bitSize() > 126, "big operand");
                });
    }

    @Test
    void doublesConvertToTheirExactBinaryValue() {
        Property.forAll(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(Double::longBitsToDouble).filter("finite", Double::isFinite))
                .check((x, ctx) -> {
                    Rational q = Rational.of(x);
                    assertThat(new java.math.BigDecimal(x).compareTo(q.toBigDecimal(new java.math.MathContext(2000)))).isZero();
                    assertThat(q.doubleValue()).isEqualTo(x == 0 ? 0.0 : x);
                    assertThat(NumberParser.exact(Double.toHexString(x))).isEqualTo(q);
                });
    }
}
