package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyBuilder;
import org.junit.jupiter.api.Test;

/**
 * The T3U planner against exhaustive search (proofs-notes/T3U-cells.md, step 1 of the
 * construction). For every {@code M} and both balanced group layouts, every position of every cut
 * (any sample gap between the two groups, not just the three candidates the planner keeps) is tried
 * and {@code max P + max Q} minimised by brute force; the planner must reach that minimum for every
 * {@code M}, and its chosen {@code M} must reach the minimum over all {@code M}. A valid but
 * suboptimal plan (a wrong candidate set, a dynamic programme that misses a choice, an early stop
 * of the search over {@code M} that comes too soon) fails here.
 */
class CellPlannerBruteForceTest {

    /** The least {@code max P + max Q} over every placement of the cuts, for fixed groups. */
    static int bruteForceM2(CellTargets targets, int[] groupStart) {
        SortedLine line = targets.line;
        int m = groupStart.length - 1;
        int[] lo = new int[m - 1], hi = new int[m - 1];
        for (int g = 0; g + 1 < m; g++) {
            lo[g] = line.activeIndex[groupStart[g + 1] - 1]; // cut after sample j, lo <= j < hi
            hi[g] = line.activeIndex[groupStart[g + 1]];
        }
        int[] cut = lo.clone();
        int best = Integer.MAX_VALUE;
        while (true) {
            int p = 0, q = 0, first = 0;
            for (int g = 0; g < m; g++) {
                int last = g == m - 1 ? line.k - 1 : cut[g];
                int[] pq = targets.cost(first, last);
                p = Math.max(p, pq[0]);
                q = Math.max(q, pq[1]);
                first = last + 1;
            }
            best = Math.min(best, p + q);
            int g = 0;
            while (g < m - 1 && ++cut[g] >= hi[g]) {
                cut[g] = lo[g];
                g++;
            }
            if (g == m - 1) return best;
        }
    }

    static int bruteForceTotal(CellTargets targets, int m) {
        int a = targets.line.activeCount();
        int m2 = Math.min(bruteForceM2(targets, CellPlanner.balancedGroups(a, m, true)),
                bruteForceM2(targets, CellPlanner.balancedGroups(a, m, false)));
        return 2 * m - 1 + m2;
    }

    /**
     * Small 1-D lines with many untouched samples and runs of them: integer gaps 1..4, residuals
     * from a few values of both signs, about half of them zero.
     */
    static Gen<Instance> sparseLines() {
        Gen<Rational> residual = Gens.oneOfValues(Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ONE, Rational.of(2),
                Rational.of(-1), Rational.of(5, 2), Rational.of(-3));
        return Gens.ints(1, 12).flatMap(k -> Gens.zip(Gens.lists(Gens.ints(1, 4), k, k), Gens.lists(residual, k, k), (gaps, rs) -> {
            Rational[][] x = new Rational[k][];
            Map<Integer, Rational> changes = new TreeMap<>();
            long t = 0;
            for (int i = 0; i < k; i++) {
                t += gaps.get(i);
                x[i] = new Rational[] {Rational.of(t)};
                if (!rs.get(i).isZero()) changes.put(i, rs.get(i));
            }
            return Instance.withZeroPretrained(1, x, changes, 3);
        }));
    }

    @Test
    void planForEveryMAndTheChoiceOfMAreOptimalOnSparseLines() {
        check(Property.forAll(sparseLines()).printer(Instance::toString).tries(300));
    }

    @Test
    void planForEveryMAndTheChoiceOfMAreOptimal() {
        check(Property.forAll(Instances.instances(3, 2, 11).map(GeneratedInstance::instance)).printer(Instance::toString));
    }

    /**
     * The search over {@code M} stops early ({@code 2M > best} can no longer win); on larger lines,
     * where the best {@code M} is larger, it must still agree with trying every {@code M}.
     */
    @Test
    void theChoiceOfMEqualsTheMinimumOverEveryMOnLargerLines() {
        Gen<Instance> gen = Gens.oneOf(org.ftc.gen.Hard.cases(org.ftc.bounds.HardInstances.Variant.THREE_N, 3, 60).map(c -> c.instance()),
                Instances.instances(3, 2, 160).map(GeneratedInstance::instance));
        Property.forAll(gen).tries(40).cover("M* >= 4", 10).check((inst, ctx) -> {
            CellTargets targets = new CellTargets(SortedLine.of(Residuals.of(inst)));
            int a = targets.line.activeCount();
            int best = a == 0 ? 0 : Integer.MAX_VALUE;
            for (int m = 1; m <= a; m++) best = Math.min(best, CellPlanner.planWithCells(targets, m).neurons());
            CellPlan plan = CellPlanner.bestPlan(targets);
            ctx.classify(plan.cellCount() >= 4, "M* >= 4");
            assertThat(plan.neurons()).as(plan.toString()).isEqualTo(best);
        });
    }

    private static void check(PropertyBuilder<Instance> property) {
        // Coverage at least four standard deviations below the rates measured over 4000 tries
        // (M* >= 2: 15.0%, A >= 5: 13.7%; at 200 tries one standard deviation is about 2.5%).
        property.cover("M* >= 2", 5).cover("A >= 5", 4)
                .check((inst, ctx) -> {
                    Residuals residuals = Residuals.of(inst);
                    CellTargets targets = new CellTargets(SortedLine.of(residuals));
                    int a = targets.line.activeCount();
                    ctx.classify(a >= 5, "A >= 5");
                    if (a == 0) {
                        assertThat(CellPlanner.bestPlan(targets).neurons()).isZero();
                        return;
                    }
                    int bestOverM = Integer.MAX_VALUE;
                    for (int m = 1; m <= a; m++) {
                        int brute = bruteForceTotal(targets, m);
                        CellPlan plan = CellPlanner.planWithCells(targets, m);
                        assertThat(plan.cellCount()).isEqualTo(m);
                        assertThat(plan.neurons()).as("plan with M = " + m + ": " + plan).isEqualTo(brute);
                        bestOverM = Math.min(bestOverM, brute);
                    }
                    CellPlan best = CellPlanner.bestPlan(targets);
                    ctx.classify(best.cellCount() >= 2, "M* >= 2");
                    assertThat(best.neurons()).as("best plan " + best).isEqualTo(bestOverM);
                    assertThat(ThreeLayerCells.neuronCount(residuals)).isEqualTo(bestOverM);
                });
    }
}
