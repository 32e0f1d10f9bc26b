package org.ftc.gen;

import java.math.BigInteger;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Weighted;

/** Rational generators tuned for weights, coordinates and labels: simple first, extremes sometimes. */
public final class Numbers {
    private Numbers() {
    }

    /** Integers in {@code [-bound, bound]}, shrinking to 0. */
    public static Gen<Rational> smallIntegers(int bound) {
        return Gens.ints(-bound, bound).map(Rational::of);
    }

    /** {@code n / d} with {@code |n| <= 20}, {@code 1 <= d <= 12}: simple fractions. */
    public static Gen<Rational> simpleFractions() {
        return Gens.zip(Gens.ints(-20, 20), Gens.ints(0, 11), (n, d) -> Rational.of(n, d + 1));
    }

    /** {@code +-10^e} times a simple fraction, for {@code |e| <= maxExponent}. */
    public static Gen<Rational> scaled(int minExponent, int maxExponent) {
        return Gens.zip(simpleFractions(), Gens.ints(minExponent, maxExponent),
                (q, e) -> q.multiply(powerOfTen(e)));
    }

    public static Rational powerOfTen(int e) {
        BigInteger p = BigInteger.TEN.pow(Math.abs(e));
        return e >= 0 ? Rational.of(p) : Rational.of(BigInteger.ONE, p);
    }

    /** Mostly small integers and simple fractions; sometimes any rational up to about 1e48 and 1e-48. */
    public static Gen<Rational> mixed() {
        return Gens.frequency(List.of(
                Weighted.of(6, smallIntegers(10)),
                Weighted.of(3, simpleFractions()),
                Weighted.of(1, Gens.rationals())));
    }

    /** Weights of a network: like {@link #mixed} but zero a quarter of the time. */
    public static Gen<Rational> weights() {
        return Gens.frequency(List.of(
                Weighted.of(1, Gens.constant(Rational.ZERO)),
                Weighted.of(3, mixed())));
    }

    /** Labels: ordinary, huge ({@code ~1e30}) and tiny ({@code ~1e-30}). */
    public static Gen<Rational> labels() {
        return Gens.frequency(List.of(
                Weighted.of(8, mixed()),
                Weighted.of(1, scaled(25, 35)),
                Weighted.of(1, scaled(-35, -25))));
    }
}
