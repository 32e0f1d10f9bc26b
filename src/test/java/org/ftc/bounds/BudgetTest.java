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
}
