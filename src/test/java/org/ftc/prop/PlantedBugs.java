package org.ftc.prop;

import static org.ftc.prop.Gens.*;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

import org.ftc.arith.Rational;

/**
 * Planted bugs with their known minimal counterexamples, shared by {@link PlantedBugsTest} and the
 * benchmark against Hypothesis ({@code bench.VersusHypothesis}; the same bugs in Hypothesis are in
 * {@code bench/planted_bugs_hypothesis.py}). "Minimal" is the value of the shortlex-smallest
 * failing choice sequence (derived by hand or by {@link BruteForce} in the test).
 */
public final class PlantedBugs {
    private PlantedBugs() {
    }

    /** A property {@code holds} that is false on some values of {@code gen}; {@code minimum} is the smallest. */
    public record Bug<T>(String name, Gen<T> gen, Predicate<T> holds, T minimum) {
    }

    public record Pair(List<Integer> a, List<Integer> b) {
    }

    public record Sized(int k, List<Integer> list) {
    }

    static int sum(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).sum();
    }

    static final Bug<Integer> INT_ABOVE_100 = new Bug<>("int <= 100", ints(-100_000, 100_000), x -> x <= 100, 101);
    static final Bug<List<Integer>> LIST_SUM = new Bug<>("list sum <= 1000", lists(ints(-10_000, 10_000), 0, 30),
            l -> sum(l) <= 1000, List.of(1001));
    static final Bug<List<Integer>> NO_DUPLICATES = new Bug<>("no duplicates", lists(ints(-1000, 1000), 0, 30),
            l -> new HashSet<>(l).size() == l.size(), List.of(0, 0));
    static final Bug<Rational> DENOMINATOR = new Bug<>("denominator <= 7", rationals(),
            r -> r.denominator().compareTo(BigInteger.valueOf(7)) <= 0, Rational.of(1, 8));
    static final Bug<Rational> BOUNDED_RATIONAL = new Bug<>("bounded rational < 3/2", rationals(Rational.of(-10), Rational.of(10)),
            r -> r.compareTo(Rational.of(3, 2)) < 0, Rational.of(2));
    static final Bug<List<Rational>> RATIONAL_SUM = new Bug<>("rational sum < 1", lists(rationals(), 0, 10),
            l -> l.stream().reduce(Rational.ZERO, Rational::add).compareTo(Rational.ONE) < 0, List.of(Rational.ONE));
    static final Bug<BigInteger> BIT_LENGTH = new Bug<>("bit length < 100", bigIntegers(200), x -> x.bitLength() < 100,
            BigInteger.ONE.shiftLeft(99));
    static final Bug<Pair> DOT_PRODUCT = new Bug<>("dot product >= 0",
            ints(1, 8).flatMap(n -> zip(lists(ints(-100, 100), n, n), lists(ints(-100, 100), n, n), Pair::new)), p -> {
                int dot = 0;
                for (int i = 0; i < p.a().size(); i++) dot += p.a().get(i) * p.b().get(i);
                return dot >= 0;
            }, new Pair(List.of(1), List.of(-1)));
    static final Bug<List<List<Integer>>> MATRIX = new Bug<>("matrix entries >= 0",
            zip(ints(1, 5), ints(1, 5), List::of).flatMap(mn -> lists(lists(ints(-10, 10), mn.get(1), mn.get(1)), mn.get(0), mn.get(0))),
            m -> m.stream().flatMap(List::stream).allMatch(x -> x >= 0), List.of(List.of(-1)));
    static final Bug<Sized> UNIQUE_LIST = new Bug<>("unique list shorter than k",
            ints(1, 20).flatMap(k -> uniqueLists(ints(0, k), 0, 30).map(l -> new Sized(k, l))), s -> s.list().size() < s.k(),
            new Sized(1, List.of(0)));
    static final Bug<List<List<Integer>>> INNER_SUM = new Bug<>("inner sums <= 10", lists(lists(ints(0, 1000), 0, 10), 0, 10),
            l -> l.stream().allMatch(inner -> sum(inner) <= 10), List.of(List.of(11)));
    static final Bug<List<List<Integer>>> TOTAL_LENGTH = new Bug<>("total length <= 4", lists(lists(ints(0, 100), 0, 10), 0, 10),
            l -> l.stream().mapToInt(List::size).sum() <= 4, List.of(List.of(0, 0, 0, 0, 0)));

    public static List<Bug<?>> all() {
        return List.of(INT_ABOVE_100, LIST_SUM, NO_DUPLICATES, DENOMINATOR, BOUNDED_RATIONAL, RATIONAL_SUM, BIT_LENGTH, DOT_PRODUCT,
                MATRIX, UNIQUE_LIST, INNER_SUM, TOTAL_LENGTH);
    }
}
