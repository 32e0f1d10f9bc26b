package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftc.prop.Gens.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

class GensTest {
    private static <T> List<T> sample(Gen<T> gen, int n) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Replay.random(gen, 1000 + i).value());
        return out;
    }

    @Test
    void allZeroChoicesGiveTheSimplestValues() {
        long[] none = new long[0];
        assertThat(Replay.generate(ints(5, 10), none)).isEqualTo(5);
        assertThat(Replay.generate(ints(-10, -5), none)).isEqualTo(-5);
        assertThat(Replay.generate(ints(-10, 10), none)).isZero();
        assertThat(Replay.generate(bigIntegers(100), none)).isZero();
        assertThat(Replay.generate(rationals(), none)).isEqualTo(Rational.ZERO);
        assertThat(Replay.generate(rationals(Rational.of(1, 3), Rational.of(7)), none)).isEqualTo(Rational.of(1, 3));
        assertThat(Replay.generate(lists(ints(0, 9), 2, 5), none)).isEqualTo(List.of(0, 0));
        // a unique list with minSize >= 2 has no all-zero example (0 repeats); the simplest is [0, 1],
        // each element after its "one more?" slot (recorded as yes below the minimum, whatever the replay holds)
        assertThat(Replay.generate(uniqueLists(ints(0, 9), 2, 5), new long[] {0, 0, 0, 1})).isEqualTo(List.of(0, 1));
        assertThat(Replay.record(uniqueLists(ints(0, 9), 2, 5), new long[] {0, 0, 0, 1}).choices()).containsExactly(1, 0, 1, 1, 0);
        assertThat(Replay.generate(oneOf(constant("a"), constant("b")), none)).isEqualTo("a");
        assertThat(Replay.generate(oneOfValues("x", "y"), none)).isEqualTo("x");
        assertThat(Replay.generate(frequency(List.of(Weighted.of(1, constant(1)), Weighted.of(9, constant(2)))), none))
                .isEqualTo(1);
    }

    @Test
    void integersStayInRangeAndHitTheBounds() {
        for (int[] r : new int[][] {{-1000, 999_999}, {-7, 3}, {5, 90}, {-90, -5}, {Integer.MIN_VALUE, Integer.MAX_VALUE}}) {
            List<Integer> xs = sample(ints(r[0], r[1]), 3000);
            assertThat(xs).allMatch(x -> x >= r[0] && x <= r[1]);
            assertThat(xs).contains(r[0], r[1]);
        }
        assertThat(sample(longs(Long.MIN_VALUE + 1, Long.MAX_VALUE), 3000)).contains(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L);
    }

    @Test
    void integersFavourSmallValues() {
        List<Integer> xs = sample(ints(-1_000_000, 1_000_000), 2000);
        assertThat(xs.stream().filter(x -> Math.abs(x) <= 16).count()).isGreaterThan(400);
    }

    @Test
    void rationalsReachSimpleHugeAndTinyValues() {
        List<Rational> xs = sample(rationals(), 5000);
        Rational big = Rational.of(BigInteger.TEN.pow(30));
        Rational tiny = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30));
        assertThat(xs).contains(Rational.ZERO, Rational.ONE, Rational.MINUS_ONE);
        assertThat(xs.stream().filter(Rational::isInteger).count()).isGreaterThan(500);
        assertThat(xs.stream().filter(x -> x.abs().compareTo(big) > 0).count()).isGreaterThan(50);
        assertThat(xs.stream().filter(x -> x.signum() != 0 && x.abs().compareTo(tiny) < 0).count()).isGreaterThan(50);
        assertThat(xs.stream().filter(x -> x.denominator().compareTo(BigInteger.valueOf(16)) <= 0
                && x.numerator().abs().compareTo(BigInteger.valueOf(16)) <= 0).count()).isGreaterThan(700);
    }

    @Test
    void boundedRationalsStayInRangeAndHitTheBounds() {
        Rational lo = Rational.of(-7, 3), hi = Rational.of(22, 7);
        List<Rational> xs = sample(rationals(lo, hi), 3000);
        assertThat(xs).allMatch(x -> x.compareTo(lo) >= 0 && x.compareTo(hi) <= 0);
        assertThat(xs).contains(lo, hi, Rational.ZERO);
        Rational plo = Rational.of(1, 1000), phi = Rational.of(2, 1000);
        assertThat(sample(rationals(plo, phi), 2000)).allMatch(x -> x.compareTo(plo) >= 0 && x.compareTo(phi) <= 0)
                .contains(plo, phi);
    }

    @Test
    void listsRespectSizesAndVary() {
        List<List<Integer>> ls = sample(lists(ints(0, 3), 2, 6), 2000);
        assertThat(ls).allMatch(l -> l.size() >= 2 && l.size() <= 6);
        Set<Integer> sizes = new HashSet<>();
        ls.forEach(l -> sizes.add(l.size()));
        assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        assertThat(sample(uniqueLists(ints(0, 5), 0, 6), 1000)).allMatch(l -> new HashSet<>(l).size() == l.size());
    }

    @Test
    void frequencyFollowsTheWeights() {
        List<Integer> xs = sample(frequency(List.of(Weighted.of(1, constant(1)), Weighted.of(3, constant(2)))), 4000);
        long twos = xs.stream().filter(x -> x == 2).count();
        assertThat(twos).isBetween(2700L, 3300L);
    }

    @Test
    void bigIntegersRespectTheBitLimit() {
        List<BigInteger> xs = sample(bigIntegers(100), 2000);
        assertThat(xs).allMatch(x -> x.bitLength() <= 100);
        assertThat(xs.stream().anyMatch(x -> x.bitLength() == 100 && x.signum() < 0)).isTrue();
    }

    @Test
    void biasedChoicesCoverZeroMaxAndTheMiddle() {
        ChoiceRecorder rec = new ChoiceRecorder(null, new SplittableRandom(1));
        int zeros = 0, maxes = 0, middle = 0;
        for (int i = 0; i < 4000; i++) {
            long v = rec.choice(1_000_000);
            if (v == 0) zeros++;
            else if (v == 1_000_000) maxes++;
            else if (v > 1000 && v < 999_000) middle++;
            if (i % 1000 == 999) rec = new ChoiceRecorder(null, new SplittableRandom(i));
        }
        assertThat(zeros).isGreaterThan(200);
        assertThat(maxes).isGreaterThan(200);
        assertThat(middle).isGreaterThan(800);
    }

    /**
     * Deleting one span removes any one element of a list and leaves what follows the list as it
     * was, also the first element and when the list is full: every element's span starts with a
     * "one more?" slot (Source#listMarker for one the list must have) and a full list records its
     * "no more", so the choice after the deleted span is not read as "one more?".
     */
    @Test
    void everyElementOfAListGoesByDeletingOneSpanFullListsIncluded() {
        Gen<List<Object>> gen = zip(lists(ints(1, 1000), 1, 4), ints(1, 1000), (l, y) -> List.of(l, y));
        int full = 0;
        for (long seed = 0; seed < 300; seed++) {
            SpanDeletions<List<Object>> d = SpanDeletions.of(gen, seed);
            @SuppressWarnings("unchecked")
            List<Integer> list = (List<Integer>) d.value().get(0);
            if (list.size() == 4) full++;
            for (int j = 0; list.size() > 1 && j < list.size(); j++) { // not below the minimum size 1
                List<Integer> without = new ArrayList<>(list);
                without.remove(j);
                assertThat(d.afterDeletion()).as("seed %d, element %d of %s", seed, j, list).contains(List.of(without, d.value().get(1)));
            }
        }
        assertThat(full).as("full lists among 300 examples").isGreaterThan(20);
    }
}
