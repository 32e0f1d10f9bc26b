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
        return fractions(20, 12);
    }

    /**
     * {@code n / q} with {@code |n| <= maxNumerator}, {@code 1 <= q <= maxDenominator}, 0 first.
     * Small ranges make equal values (coinciding kinks, collinear data) common on purpose.
     */
    public static Gen<Rational> fractions(int maxNumerator, int maxDenominator) {
        if (maxNumerator < 0 || maxDenominator < 1) throw new IllegalArgumentException("need maxNumerator >= 0 and maxDenominator >= 1");
        return Gens.zip(Gens.ints(-maxNumerator, maxNumerator), Gens.ints(1, maxDenominator), (n, q) -> Rational.of(n, q));
    }

    /** {@code n / q} with {@code 1 <= n <= maxNumerator}, {@code 1 <= q <= maxDenominator}: steps and scales, never 0. */
    public static Gen<Rational> positiveFractions(int maxNumerator, int maxDenominator) {
        if (maxNumerator < 1 || maxDenominator < 1) throw new IllegalArgumentException("need maxNumerator >= 1 and maxDenominator >= 1");
        return Gens.zip(Gens.ints(1, maxNumerator), Gens.ints(1, maxDenominator), (n, q) -> Rational.of(n, q));
    }

    /** {@code +-10^e} times a simple fraction, for {@code |e| <= maxExponent}. */
    public static Gen<Rational> scaled(int minExponent, int maxExponent) {
        return Gens.zip(simpleFractions(), Gens.ints(minExponent, maxExponent),
                (q, e) -> q.multiply(powerOfTen(e)));
    }

    /** {@code a/b}, {@code |a| <= 6}, {@code 1 <= b <= 4}, 0 first: few distinct values, so kinks and slopes coincide often. */
    public static Gen<Rational> smallFractions() {
        return fractions(6, 4);
    }

    /** Positive steps {@code a/b}, {@code 1 <= a <= 12}, {@code 1 <= b <= 4}: gaps between positions, positive scales. */
    public static Gen<Rational> smallGaps() {
        return positiveFractions(12, 4);
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
