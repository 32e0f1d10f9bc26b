package org.ftc.arith;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactOrder} gives the order of a plain object sort by exact value, then index, on values
 * whose doubles cannot tell them apart: clusters {@code c + k 2^-e} with {@code e} up to 300 (equal
 * doubles, distinct values), exact repeats, values past the double range ({@code 2^+-2000}: infinite
 * or zero doubles), negative tiny values (doubles {@code -0.0}) and ordinary fractions.
 */
class ExactOrderProperties {

    static Gen<Rational> values() {
        Gen<Rational> centre = Gens.zip(Gens.longs(-5, 5), Gens.longs(1, 7), Rational::of);
        Gen<Rational> cluster = Gens.zip(centre, Gens.longs(-3, 3), Gens.ints(40, 300),
                (c, k, e) -> c.add(Rational.of(BigInteger.valueOf(k), BigInteger.ONE.shiftLeft(e))));
        Gen<Rational> farOut = Gens.zip(Gens.booleans(), Gens.booleans(), Gens.longs(1, 9), (neg, tiny, m) -> {
            BigInteger p = BigInteger.ONE.shiftLeft(2000);
            Rational r = tiny ? Rational.of(BigInteger.valueOf(m), p) : Rational.of(p.multiply(BigInteger.valueOf(m)));
            return neg ? r.negate() : r;
        });
        return Gens.frequency(List.<Weighted<Rational>>of(
                Weighted.of(4, cluster),
                Weighted.of(2, farOut),
                Weighted.of(2, Gens.zip(Gens.longs(-1000, 1000), Gens.longs(1, 12), Rational::of)),
                Weighted.of(1, Gens.constant(Rational.ZERO)),
                Weighted.of(1, RationalProperties.stressing())));
    }

    /** Repeats some values so that exact ties occur. */
    static Gen<Rational[]> arrays(int maxSize) {
        return Gens.zip(Gens.lists(values(), 0, maxSize), Gens.longs(0, Long.MAX_VALUE), (list, seed) -> {
            Rational[] a = list.toArray(new Rational[0]);
            java.util.Random random = new java.util.Random(seed);
            for (int i = 0; i < a.length / 3; i++) a[random.nextInt(a.length)] = a[random.nextInt(a.length)];
            return a;
        });
    }

    static int[] objectSort(Rational[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < boxed.length; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> {
            int c = values[a].compareTo(values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void orderIsTheObjectSortByExactValueThenIndex() {
        Property.forAll(arrays(60))
                // Measured: about 25% of tries; the floor is 5 standard deviations (of 200 tries) below.
                .cover("distinct values with equal doubles", 10)
                .printer(Arrays::toString)
                .check((a, ctx) -> {
                    assertThat(ExactOrder.ascending(a)).containsExactly(objectSort(a));
                    boolean doublesTie = false;
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < i; j++) {
                            if (a[i].compareTo(a[j]) != 0 && a[i].doubleValue() == a[j].doubleValue()) doublesTie = true;
                        }
                    }
                    ctx.classify(doublesTie, "distinct values with equal doubles");
                });
    }

    /** Above the parallel threshold (8,192 values), so the keys are sorted in parallel. */
    @Test
    void manyValuesAreOrderedLikeTheObjectSort() {
        Property.forAll(Gens.zip(arrays(40), Gens.ints(8_192, 12_000), (seedValues, n) -> {
            Rational[] a = new Rational[n];
            java.util.Random random = new java.util.Random(n);
            for (int i = 0; i < n; i++) {
                a[i] = seedValues.length > 0 && random.nextBoolean() ? seedValues[random.nextInt(seedValues.length)]
                        : Rational.of(random.nextInt(2001) - 1000, 1 + random.nextInt(12)).add(Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(60 + random.nextInt(3))));
            }
            return a;
        })).tries(12).printer(a -> a.length + " values").check((a, ctx) -> assertThat(ExactOrder.ascending(a)).containsExactly(objectSort(a)));
    }

    /** One group of equal keys above the parallel threshold (repeats and values with one double). */
    @Test
    void aLargeGroupOfEqualDoublesIsOrderedExactly() {
        Property.forAll(Gens.ints(8_192, 10_000)).tries(5).printer(n -> n + " values").check((n, ctx) -> {
            Rational[] a = new Rational[n];
            java.util.Random random = new java.util.Random(n);
            for (int i = 0; i < n; i++) a[i] = Rational.of(1, 3).add(Rational.of(BigInteger.valueOf(random.nextInt(50) - 25), BigInteger.ONE.shiftLeft(200)));
            assertThat(ExactOrder.ascending(a)).containsExactly(objectSort(a));
        });
    }

    @Test
    void orderedBitsFollowTheDoubles() {
        double[] xs = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1e-300, 1, 1.0000000000000002,
                Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (int i = 1; i < xs.length; i++) assertThat(ExactOrder.orderedBits(xs[i - 1])).isLessThan(ExactOrder.orderedBits(xs[i]));
    }
}
