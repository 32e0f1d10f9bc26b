package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * The short numbers of T3C's chain (proofs-notes/T3C-chained-triples.md, step 5): the requirement
 * rounding, the short dyadic in an interval and the choice of an exit, each against its definition.
 */
class TripleChainProperties {
    private static final RationalField Q = RationalField.INSTANCE;

    /** Positive rationals from tiny to huge: {@code n/d * 2^e}. */
    static Gen<Rational> positives() {
        return Gens.zip(Gens.bigIntegers(200), Gens.bigIntegers(200), Gens.ints(-300, 300),
                (n, d, e) -> Rational.of(n.abs().add(BigInteger.ONE), d.abs().add(BigInteger.ONE)).multiply(Rational.dyadic(1, e)));
    }

    static Rational pow2(int e) {
        return Rational.dyadic(1, e);
    }

    /** Significant bits of a dyadic: the bit length of its numerator's odd part. */
    static int significantBits(Rational q) {
        BigInteger n = q.numerator().abs();
        return n.shiftRight(n.getLowestSetBit()).bitLength();
    }

    @Test
    void floorLog2BracketsTheValue() {
        Property.forAll(positives()).check((q, ctx) -> {
            int e = TripleChain.floorLog2(q);
            assertThat(pow2(e).compareTo(q)).as("2^" + e + " <= " + q).isLessThanOrEqualTo(0);
            assertThat(q.compareTo(pow2(e + 1))).as(q + " < 2^" + (e + 1)).isLessThan(0);
        });
    }

    /** The requirement is a dyadic of at most SLACK_BITS + 1 significant bits in [x (1 + 2^-s), x (1 + 2^-s)^2]. */
    @Test
    void requirementIsAShortDyadicJustAboveTheSlack() {
        Rational factor = Rational.ONE.add(pow2(-TripleChain.SLACK_BITS));
        Property.forAll(positives()).check((x, ctx) -> {
            Rational r = TripleChain.requirement(Q, x);
            assertThat(r.isDyadic()).as(r.toString()).isTrue();
            assertThat(significantBits(r)).isLessThanOrEqualTo(TripleChain.SLACK_BITS + 1);
            assertThat(r.compareTo(x.multiply(factor))).isGreaterThanOrEqualTo(0);
            assertThat(r.compareTo(x.multiply(factor).multiply(factor))).isLessThanOrEqualTo(0);
        });
    }

    /** A dyadic in [lo, hi] whose mantissa is at most 2 max(|lo|, |hi|) / (hi - lo) + 1 in size. */
    @Test
    void shortDyadicLiesInTheIntervalWithFewBits() {
        Gen<Rational[]> intervals = Gens.zip(Gens.rationals(), positives(), (lo, width) -> new Rational[] {lo, lo.add(width)});
        Property.forAll(intervals).check((iv, ctx) -> {
            Rational lo = iv[0], hi = iv[1];
            Rational v = TripleChain.shortDyadicIn(lo, hi);
            assertThat(v.isDyadic()).isTrue();
            assertThat(v.compareTo(lo)).as(v + " >= " + lo).isGreaterThanOrEqualTo(0);
            assertThat(v.compareTo(hi)).as(v + " <= " + hi).isLessThanOrEqualTo(0);
            // v = k 2^e with 2^e > (hi - lo)/2, so |k| <= max(|lo|, |hi|) / 2^e < 2 max / (hi - lo).
            Rational bound = lo.abs().max(hi.abs()).multiply(Rational.TWO).divide(hi.subtract(lo)).add(Rational.ONE);
            assertThat(Rational.of(BigInteger.ONE.shiftLeft(significantBits(v) - 1)).compareTo(bound))
                    .as("mantissa of " + v + " against " + bound).isLessThanOrEqualTo(0);
        });
    }

    /** The exit chosen for the right unit: in [max(lowest, required), highest], the requirement itself when it fits. */
    @Test
    void shortChoiceMeetsTheRequirementWithinTheExits() {
        Gen<Rational[]> cases = Gens.zip(positives(), positives(), positives(), (a, b, c) -> {
            Rational[] s = {a, b, c};
            java.util.Arrays.sort(s);
            return s;
        });
        Property.forAll(Gens.zip(cases, Gens.ints(0, 2), (s, where) -> new Object[] {s, where})).check((o, ctx) -> {
            Rational[] s = (Rational[]) o[0];
            // where = 0: the requirement below the exits [lowest, highest]; 1: inside; 2: above
            int where = (Integer) o[1];
            Rational required = s[where];
            Rational lowest = where == 0 ? s[1] : s[0];
            Rational highest = where == 2 ? s[1] : s[2];
            Rational v = TripleChain.shortChoice(Q, required, lowest, highest);
            Rational from = required.max(lowest);
            if (from.compareTo(highest) > 0) {
                ctx.label("requirement above the exits");
                assertThat(v).isEqualTo(highest);
                return;
            }
            assertThat(v.compareTo(from)).isGreaterThanOrEqualTo(0);
            assertThat(v.compareTo(highest)).isLessThanOrEqualTo(0);
            if (required.compareTo(lowest) >= 0) assertThat(v).isEqualTo(required);
            else assertThat(v.isDyadic()).isTrue();
        });
    }
}
