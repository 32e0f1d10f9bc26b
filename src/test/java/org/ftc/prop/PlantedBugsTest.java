package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ftc.prop.Gens.*;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.ftc.arith.Rational;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Planted bugs with known minimal counterexamples. "Minimal" means: the value of the
 * shortlex-smallest failing choice sequence (shorter first, then lexicographic), which is what
 * the shrinker minimises. Where enumeration is cheap, {@link BruteForce} derives that minimum
 * independently and the test checks it against the stated one. For each bug, 100 seeds are run
 * and the shrunk example must equal the minimum in at least 95 of them.
 */
class PlantedBugsTest {
    private static final int SEEDS = 100;
    private static final int REQUIRED = 95;
    private static final Map<String, String> SUMMARY = new TreeMap<>();

    record Pair(List<Integer> a, List<Integer> b) {
    }

    record Sized(int k, List<Integer> list) {
    }

    /** Runs the bug under SEEDS seeds; returns how many shrank to {@code expected}. */
    private static <T> int matches(String name, Gen<T> gen, Predicate<T> holds, T expected, int tries) {
        int hits = 0;
        List<String> misses = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            PropertyResult<T> r = Property.forAll(gen).named(name).seed(seed).tries(tries).quiet()
                    .ignoreSystemProperties().noFailureFile().shrinkBudget(Duration.ofSeconds(5))
                    .run((v, ctx) -> {
                        if (!holds.test(v)) throw new AssertionError("planted bug");
                    });
            if (!r.passed() && r.shrunk().orElseThrow().equals(expected)) hits++;
            else if (misses.size() < 5) misses.add(r.passed() ? "not found" : String.valueOf(r.shrunk().orElseThrow()));
        }
        SUMMARY.put(name, hits + "/" + SEEDS + (misses.isEmpty() ? "" : " misses e.g. " + misses));
        return hits;
    }

    @AfterAll
    static void printSummary() {
        SUMMARY.forEach((k, v) -> System.out.println("[planted] " + k + ": " + v));
    }

    private static int sum(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void intAbove100() {
        Gen<Integer> gen = ints(-100_000, 100_000);
        Predicate<Integer> holds = x -> x <= 100;
        assertThat(BruteForce.minimal(gen, holds.negate(), 2, 101)).contains(101);
        assertThat(matches("int <= 100", gen, holds, 101, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void listSum() {
        // minimum by hand: a one-element list is [1, m, sign, 0]; two elements need 7 choices
        Gen<List<Integer>> gen = lists(ints(-10_000, 10_000), 0, 30);
        assertThat(matches("list sum <= 1000", gen, l -> sum(l) <= 1000, List.of(1001), 200))
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void noDuplicates() {
        Gen<List<Integer>> gen = lists(ints(-1000, 1000), 0, 30);
        Predicate<List<Integer>> holds = l -> new HashSet<>(l).size() == l.size();
        assertThat(BruteForce.minimal(gen, holds.negate(), 7, 1)).contains(List.of(0, 0));
        assertThat(matches("no duplicates", gen, holds, List.of(0, 0), 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void rationalDenominator() {
        Gen<Rational> gen = rationals();
        Predicate<Rational> holds = r -> r.denominator().compareTo(BigInteger.valueOf(7)) <= 0;
        assertThat(BruteForce.minimal(gen, holds.negate(), 4, 3)).contains(Rational.of(1, 8));
        assertThat(matches("denominator <= 7", gen, holds, Rational.of(1, 8), 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void boundedRational() {
        Gen<Rational> gen = rationals(Rational.of(-10), Rational.of(10));
        Predicate<Rational> holds = r -> r.compareTo(Rational.of(3, 2)) < 0;
        assertThat(BruteForce.minimal(gen, holds.negate(), 4, 2)).contains(Rational.of(2));
        assertThat(matches("bounded rational < 3/2", gen, holds, Rational.of(2), 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void rationalListSum() {
        Gen<List<Rational>> gen = lists(rationals(), 0, 10);
        Predicate<List<Rational>> holds = l -> l.stream().reduce(Rational.ZERO, Rational::add).compareTo(Rational.ONE) < 0;
        assertThat(BruteForce.minimal(gen, holds.negate(), 5, 1)).contains(List.of(Rational.ONE));
        assertThat(matches("rational sum < 1", gen, holds, List.of(Rational.ONE), 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void bigIntegerBits() {
        // minimum by hand: bit length 100 is the choice 100, then the 99 lower bits (limbs) all 0
        Gen<BigInteger> gen = bigIntegers(200);
        assertThat(matches("bit length < 100", gen, x -> x.bitLength() < 100, BigInteger.ONE.shiftLeft(99), 200))
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void dotProductOfEqualLengthLists() {
        Gen<Pair> gen = ints(1, 8).flatMap(n -> zip(lists(ints(-100, 100), n, n), lists(ints(-100, 100), n, n), Pair::new));
        Predicate<Pair> holds = p -> {
            int dot = 0;
            for (int i = 0; i < p.a().size(); i++) dot += p.a().get(i) * p.b().get(i);
            return dot >= 0;
        };
        Pair expected = new Pair(List.of(1), List.of(-1));
        assertThat(BruteForce.minimal(gen, holds.negate(), 5, 1)).contains(expected);
        assertThat(matches("dot product >= 0", gen, holds, expected, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void matrixEntries() {
        Gen<List<List<Integer>>> gen = zip(ints(1, 5), ints(1, 5), List::of)
                .flatMap(mn -> lists(lists(ints(-10, 10), mn.get(1), mn.get(1)), mn.get(0), mn.get(0)));
        Predicate<List<List<Integer>>> holds = m -> m.stream().flatMap(List::stream).allMatch(x -> x >= 0);
        List<List<Integer>> expected = List.of(List.of(-1));
        assertThat(BruteForce.minimal(gen, holds.negate(), 4, 1)).contains(expected);
        assertThat(matches("matrix entries >= 0", gen, holds, expected, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void uniqueListShorterThanItsBound() {
        Gen<Sized> gen = ints(1, 20).flatMap(k -> uniqueLists(ints(0, k), 0, 30).map(l -> new Sized(k, l)));
        Predicate<Sized> holds = s -> s.list().size() < s.k();
        Sized expected = new Sized(1, List.of(0));
        assertThat(BruteForce.minimal(gen, holds.negate(), 4, 1)).contains(expected);
        assertThat(matches("unique list shorter than k", gen, holds, expected, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void nestedInnerSum() {
        Gen<List<List<Integer>>> gen = lists(lists(ints(0, 1000), 0, 10), 0, 10);
        Predicate<List<List<Integer>>> holds = l -> l.stream().allMatch(inner -> sum(inner) <= 10);
        List<List<Integer>> expected = List.of(List.of(11));
        assertThat(BruteForce.minimal(gen, holds.negate(), 5, 11)).contains(expected);
        assertThat(matches("inner sums <= 10", gen, holds, expected, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void nestedTotalLength() {
        Gen<List<List<Integer>>> gen = lists(lists(ints(0, 100), 0, 10), 0, 10);
        Predicate<List<List<Integer>>> holds = l -> l.stream().mapToInt(List::size).sum() <= 4;
        List<List<Integer>> expected = List.of(List.of(0, 0, 0, 0, 0));
        assertThat(BruteForce.minimal(gen, holds.negate(), 13, 1)).contains(expected);
        assertThat(matches("total length <= 4", gen, holds, expected, 200)).isGreaterThanOrEqualTo(REQUIRED);
    }
}
