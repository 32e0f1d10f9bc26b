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

    private static <T> int matches(PlantedBugs.Bug<T> bug) {
        return matches(bug.name(), bug.gen(), bug.holds(), bug.minimum(), 200);
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

    private static <T> void bruteForceAgrees(PlantedBugs.Bug<T> bug, int maxLength, int maxChoice) {
        assertThat(BruteForce.minimal(bug.gen(), bug.holds().negate(), maxLength, maxChoice)).contains(bug.minimum());
    }

    @Test
    void intAbove100() {
        bruteForceAgrees(PlantedBugs.INT_ABOVE_100, 2, 101);
        assertThat(matches(PlantedBugs.INT_ABOVE_100)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void listSum() {
        // minimum by hand: a one-element list is [1, m, sign, 0]; two elements need 7 choices
        assertThat(matches(PlantedBugs.LIST_SUM)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void noDuplicates() {
        bruteForceAgrees(PlantedBugs.NO_DUPLICATES, 7, 1);
        assertThat(matches(PlantedBugs.NO_DUPLICATES)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void rationalDenominator() {
        bruteForceAgrees(PlantedBugs.DENOMINATOR, 4, 3);
        assertThat(matches(PlantedBugs.DENOMINATOR)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void boundedRational() {
        bruteForceAgrees(PlantedBugs.BOUNDED_RATIONAL, 4, 2);
        assertThat(matches(PlantedBugs.BOUNDED_RATIONAL)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void rationalListSum() {
        bruteForceAgrees(PlantedBugs.RATIONAL_SUM, 5, 1);
        assertThat(matches(PlantedBugs.RATIONAL_SUM)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void bigIntegerBits() {
        // minimum by hand: bit length 100 is the choice 100, then the 99 lower bits (limbs) all 0
        assertThat(matches(PlantedBugs.BIT_LENGTH)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void dotProductOfEqualLengthLists() {
        bruteForceAgrees(PlantedBugs.DOT_PRODUCT, 5, 1);
        assertThat(matches(PlantedBugs.DOT_PRODUCT)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void matrixEntries() {
        bruteForceAgrees(PlantedBugs.MATRIX, 4, 1);
        assertThat(matches(PlantedBugs.MATRIX)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void uniqueListShorterThanItsBound() {
        bruteForceAgrees(PlantedBugs.UNIQUE_LIST, 4, 1);
        assertThat(matches(PlantedBugs.UNIQUE_LIST)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void nestedInnerSum() {
        bruteForceAgrees(PlantedBugs.INNER_SUM, 5, 11);
        assertThat(matches(PlantedBugs.INNER_SUM)).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void nestedTotalLength() {
        bruteForceAgrees(PlantedBugs.TOTAL_LENGTH, 13, 1);
        assertThat(matches(PlantedBugs.TOTAL_LENGTH)).isGreaterThanOrEqualTo(REQUIRED);
    }
}
