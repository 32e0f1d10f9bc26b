package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.apfloat.Aprational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * The dyadic fast paths of {@link Rational} (shifts instead of gcds) and the once-normalised
 * {@link ExactSum} (also past its reduction threshold) agree with Apfloat's {@code Aprational}, including at the overflow boundaries
 * of the long form: mantissas near {@code ±2^62}, {@code ±2^63}, denominators {@code 2^62},
 * {@code 2^63} and beyond, floats, and values with large binary exponents.
 */
class DyadicProperties {
    private static final AprationalField REF = AprationalField.INSTANCE;

    /** A mantissa: small, near a power of two up to 2^64 (both signs), or a few hundred bits. */
    static Gen<BigInteger> mantissas() {
        Gen<BigInteger> nearPower = Gens.zip(Gens.ints(60, 65), Gens.ints(-3, 3), Gens.booleans(),
                (p, off, neg) -> {
                    BigInteger m = BigInteger.ONE.shiftLeft(p).add(BigInteger.valueOf(off));
                    return neg ? m.negate() : m;
                });
        return Gens.frequency(List.<Weighted<BigInteger>>of(
                Weighted.of(3, Gens.longs(-1000, 1000).map(BigInteger::valueOf)),
                Weighted.of(2, Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(BigInteger::valueOf)),
                Weighted.of(3, nearPower),
                Weighted.of(1, Gens.bigIntegers(200))));
    }

    /** {@code m * 2^e}: exponents around the long form's limits (-62, -63, -64) and far beyond. */
    static Gen<Rational> dyadics() {
        Gen<Integer> exponents = Gens.frequency(List.<Weighted<Integer>>of(
                Weighted.of(3, Gens.ints(-70, 10)),
                Weighted.of(2, Gens.ints(-65, -60)),
                Weighted.of(1, Gens.ints(-200, 200))));
        Gen<Rational> floats = Gens.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).map(Float::intBitsToFloat)
                .filter("finite", Float::isFinite).map(f -> Rational.of((double) f));
        return Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(4, Gens.zip(mantissas(), exponents, DyadicProperties::reference)),
                Weighted.of(2, floats)));
    }

    /** {@code m * 2^e} built the slow way: a general fraction reduced by Euclid's gcd. */
    static Rational reference(BigInteger m, int e) {
        return e >= 0 ? Rational.of(m.shiftLeft(e), BigInteger.ONE) : Rational.of(m, BigInteger.ONE.shiftLeft(-e));
    }

    @Test
    void dyadicFactoryIsTheExactValue() {
        Property.forAll(Gens.zip(mantissas(), Gens.ints(-200, 200), (m, e) -> new Object[] {m, e}))
                .printer(p -> p[0] + " * 2^" + p[1])
                .check((p, ctx) -> {
                    BigInteger m = (BigInteger) p[0];
                    int e = (Integer) p[1];
                    Rational want = reference(m, e);
                    assertThat(Rational.dyadic(m, e)).isEqualTo(want);
                    if (m.bitLength() < 64) assertThat(Rational.dyadic(m.longValue(), e)).isEqualTo(want);
                    assertThat(want.isDyadic()).isTrue();
                    ctx.classify(m.bitLength() >= 63, "mantissa at the long limit");
                });
    }

    @Test
    void dyadicArithmeticAgreesWithAprational() {
        Gen<Rational> operand = Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(4, dyadics()), Weighted.of(1, RationalProperties.stressing())));
        Property.forAll(Gens.zip(operand, operand, (a, b) -> new Rational[] {a, b}))
                .printer(p -> p[0] + ", " + p[1])
                .check((p, ctx) -> {
                    Rational a = p[0], b = p[1];
                    Aprational x = REF.fromRational(a), y = REF.fromRational(b);
                    assertThat(a.add(b)).isEqualTo(REF.toRational(x.add(y)));
                    assertThat(a.subtract(b)).isEqualTo(REF.toRational(x.subtract(y)));
                    assertThat(a.multiply(b)).isEqualTo(REF.toRational(x.multiply(y)));
                    if (!b.isZero()) assertThat(a.divide(b)).isEqualTo(REF.toRational(x.divide(y)));
                    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(x.compareTo(y)));
                    assertThat(a.isDyadic()).isEqualTo(isPowerOfTwo(a.denominator()));
                    ctx.classify(a.isDyadic() && b.isDyadic(), "both dyadic");
                    ctx.classify(a.bitSize() > 64 || b.bitSize() > 64, "beyond the long form");
                });
    }

    @Test
    void dotProductAgreesWithTermByTermAprational() {
        Gen<Rational> entry = Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(6, dyadics()), Weighted.of(1, RationalProperties.stressing()), Weighted.of(1, Gens.constant(Rational.ZERO)),
                Weighted.of(1, Gens.zip(Gens.bigIntegers(64), Gens.bigIntegers(1400).map(v -> v.abs().add(BigInteger.ONE)), Rational::of))));
        Property.forAll(Gens.ints(0, 8).flatMap(n -> Gens.zip(Gens.lists(entry, n, n), Gens.lists(entry, n, n), entry,
                        (w, x, start) -> new Object[] {w, x, start})))
                .printer(p -> "w=" + p[0] + " x=" + p[1] + " start=" + p[2])
                .check((p, ctx) -> {
                    @SuppressWarnings("unchecked") List<Rational> w = (List<Rational>) p[0];
                    @SuppressWarnings("unchecked") List<Rational> x = (List<Rational>) p[1];
                    Rational start = (Rational) p[2];
                    Aprational want = REF.fromRational(start);
                    boolean allDyadic = start.isDyadic();
                    for (int j = 0; j < w.size(); j++) {
                        want = want.add(REF.fromRational(w.get(j)).multiply(REF.fromRational(x.get(j))));
                        allDyadic &= w.get(j).isDyadic() && x.get(j).isDyadic();
                    }
                    Rational got = Rational.dot(w.toArray(new Rational[0]), x.toArray(new Rational[0]), start);
                    assertThat(got).isEqualTo(REF.toRational(want));
                    ctx.classify(allDyadic, "all dyadic");
                    ctx.classify(got.denominator().bitLength() > ExactSum.REDUCE_ABOVE_BITS, "past the reduction threshold");
                });
    }

    private static boolean isPowerOfTwo(BigInteger d) {
        return d.bitCount() == 1;
    }
}
