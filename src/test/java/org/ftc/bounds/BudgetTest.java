package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** Budgets: LRL width optimisation and the depth-L lower bound. See proofs-notes/LRL-depth-breakpoints.md. */
class BudgetTest {

    /** Largest B_L over every width vector (brute force over compositions of m). */
    static long bruteMaxBreakpoints(int hidden, int m) {
        return best(new long[hidden], 0, m);
    }

    private static long best(long[] w, int l, int left) {
        if (l == w.length - 1) {
            w[l] = left;
            return Budget.breakpointBound(w);
        }
        long b = -1;
        for (int x = 0; x <= left; x++) {
            w[l] = x;
            b = Math.max(b, best(w, l + 1, left - x));
        }
        return b;
    }

    @Test
    void handValues() {
        // LRL by hand: widths 2, 3: B = 2 + 3 * 3 = 11; widths 1, 1, 1: 1, 1 + 2 = 3, 3 + 4 = 7
        assertThat(Budget.breakpointBound(2, 3)).isEqualTo(11);
        assertThat(Budget.breakpointBound(1, 1, 1)).isEqualTo(7);
        // depth 3, 3N = 9: m = 4 gives 4 + 2*2 = 8 < 9, m = 5 gives 5 + 2*3 = 11 >= 9
        assertThat(Budget.depthLowerOnHardInstance(3, 3)).isEqualTo(5);
        // depth 4, required 26: three layers of 2 give 3^3 - 1 = 26 with m = 6; m = 5 gives 3*3*2 - 1 = 17
        assertThat(Budget.depthLower(4, 26)).isEqualTo(6);
        assertThat(Budget.depthLower(2, 17)).isEqualTo(17);
    }

    @Test
    void balancedWidthsMaximiseLrlAgainstBruteForce() {
        Property.forAll(Gens.zip(Gens.ints(1, 4), Gens.ints(0, 9), (h, m) -> new int[] {h, m})).named("LRL width optimisation")
                .printer(a -> "hidden layers " + a[0] + ", m " + a[1])
                .check((a, ctx) -> assertThat(Budget.breakpointBound(Budget.balancedWidths(a[0], a[1])))
                        .isEqualTo(bruteMaxBreakpoints(a[0], a[1])));
    }

    @Test
    void depthLowerIsTheLeastSufficientTotalByBruteForce() {
        Property.forAll(Gens.zip(Gens.ints(2, 5), Gens.ints(0, 60), (depth, req) -> new int[] {depth, req})).named("depth-L lower bound")
                .check((a, ctx) -> {
                    int depth = a[0], required = a[1];
                    long m = Budget.depthLower(depth, required);
                    assertThat(bruteMaxBreakpoints(depth - 1, (int) m)).isGreaterThanOrEqualTo(required);
                    if (m > 0) assertThat(bruteMaxBreakpoints(depth - 1, (int) m - 1)).isLessThan(required);
                });
    }

    @Test
    void depthTwoAndThreeAgreeWithT2LAndT3L() {
        for (int n = 0; n <= 300; n++) {
            assertThat(Budget.depthLowerOnHardInstance(2, n)).isEqualTo(Budget.twoLayerLower(n));
            assertThat(Budget.depthLowerOnHardInstance(3, n)).isEqualTo(Budget.threeLayerLower(n));
            // lower never above upper
            assertThat(Budget.threeLayerLower(n)).isLessThanOrEqualTo(Budget.threeLayerUpper(n));
            // T3L closed form: m >= 2 sqrt(3N + 1) - 2
            assertThat((double) Budget.threeLayerLower(n)).isGreaterThanOrEqualTo(2 * Math.sqrt(3.0 * n + 1) - 2 - 1e-9);
        }
    }

    @Test
    void deeperNeverNeedsMoreNeuronsThanShallower() {
        // B_{L+1}(w, 0) = B_L(w) + 0: a depth-L width vector padded with a width-0 layer keeps its
        // bound, so the best bound for m neurons never drops with depth and the lower bound never rises
        for (int req = 0; req <= 200; req += 7) {
            for (int depth = 2; depth <= 6; depth++) {
                assertThat(Budget.depthLower(depth + 1, req)).isLessThanOrEqualTo(Budget.depthLower(depth, req));
            }
        }
    }

    /** Largest free-parameter count P - H over every width vector (brute force over compositions of m). */
    static long bruteMaxFree(int hidden, int m) {
        return bestFree(new long[hidden], 0, m);
    }

    private static long bestFree(long[] w, int l, int left) {
        if (l == w.length - 1) {
            w[l] = left;
            return Budget.freeParameters(w);
        }
        long b = -1;
        for (int x = 0; x <= left; x++) {
            w[l] = x;
            b = Math.max(b, bestFree(w, l + 1, left - x));
        }
        return b;
    }

    @Test
    void freeParametersByHand() {
        // 1-D, widths 3: P = 3 + 3 + 3 + 1 = 10 (weights, biases, output weights, output bias), H = 3: 7 = 2m + 1
        assertThat(Budget.freeParameters(3)).isEqualTo(7);
        // widths 2, 3: P - H = 2 + 2*3 + 3 + 1 = 12 = (2 + 1)(3 + 1)
        assertThat(Budget.freeParameters(2, 3)).isEqualTo(12);
        // N = 100 at depth 3: (m/2 + 1)^2 >= 100 first at m = 18 (10 * 10); m = 17 gives 9 * 10 = 90
        assertThat(Budget.parameterCountingLower(3, 100)).isEqualTo(18);
        assertThat(Budget.parameterCountingLower(2, 7)).isEqualTo(3);
    }

    @Test
    void maxFreeParametersAgainstBruteForce() {
        // an upper bound at every depth, exact at depths 2 and 3. (A first version claimed it exact at
        // every depth; this property refuted that with depth 4, m = 2: widths 1, 1, 0 give 3, the bound 4.)
        Property.forAll(Gens.zip(Gens.ints(2, 6), Gens.ints(0, 9), (depth, m) -> new int[] {depth, m})).named("PC width optimisation")
                .printer(a -> "depth " + a[0] + ", m " + a[1])
                .check((a, ctx) -> {
                    long brute = bruteMaxFree(a[0] - 1, a[1]), bound = Budget.maxFreeParameters(a[0], a[1]);
                    ctx.label(brute == bound ? "exact" : "strict upper bound");
                    if (a[0] <= 3) assertThat(bound).isEqualTo(brute);
                    else assertThat(bound).isGreaterThanOrEqualTo(brute);
                });
    }

    @Test
    void parameterCountingLowerIsLeastAndAtLeastTwoRootNMinusTwo() {
        Property.forAll(Gens.zip(Gens.ints(2, 7), Gens.longs(0, 2_000_000_000L), (depth, n) -> new long[] {depth, n})).named("PC depth-L lower bound")
                .check((a, ctx) -> {
                    int depth = (int) a[0];
                    long n = a[1], m = Budget.parameterCountingLower(depth, n);
                    assertThat(Budget.maxFreeParameters(depth, m)).isGreaterThanOrEqualTo(n);
                    if (m > 0) assertThat(Budget.maxFreeParameters(depth, m - 1)).isLessThan(n);
                    if (depth >= 3) assertThat((double) m).isGreaterThanOrEqualTo(2 * Math.sqrt((double) n) - 2 - 1e-6);
                    long combined = Budget.depthLowerBound(depth, Math.min(n, 100_000));
                    assertThat(combined).isEqualTo(Math.max(Budget.depthLowerOnHardInstance(depth, Math.min(n, 100_000)),
                            Budget.parameterCountingLower(depth, Math.min(n, 100_000))));
                });
        // parameter counting overtakes LRL at depth 4 somewhere above N = 100, at depth 5 earlier
        assertThat(Budget.parameterCountingLower(4, 10)).isLessThan(Budget.depthLowerOnHardInstance(4, 10));
        assertThat(Budget.parameterCountingLower(4, 1000)).isGreaterThan(Budget.depthLowerOnHardInstance(4, 1000));
        assertThat(Budget.parameterCountingLower(5, 200)).isGreaterThan(Budget.depthLowerOnHardInstance(5, 200));
    }
}
