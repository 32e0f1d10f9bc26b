package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.gen.FailureInstances;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.gen.Networks;
import org.ftc.gen.Numbers;
import org.ftc.gen.Samples;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.BatchEvaluation;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** T3U (proofs-notes/T3U-cells.md): every step of the proof is one of these properties. */
class ThreeLayerCellsProperties {

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** T3U-1..T3U-5: exact fine-tuning, widths = plan = formula, within 2M - 1 + 4 ceil(N/M) and B3(N). */
    @Test
    void cellsFineTuneExactlyWithinTheirFormula() {
        // K <= 150 keeps the exact check of 200 tries near 10 s; untouchedSamplesCostNothing goes to K = 3,000.
        var property = Property.forAll(Instances.instances(3, 16, 150)).printer(GeneratedInstance::toString).onFailure(FailureInstances.write());
        for (String family : Samples.FAMILIES) property = property.cover("family " + family, 3);
        property.cover("N = 0", 3).cover("N = K", 3).cover("0 < N < K", 15).cover("M >= 2", 10);
        property.check((gi, ctx) -> {
            Instance inst = gi.instance();
            ctx.label("family " + gi.family());
            for (String r : Instances.regimes(inst)) ctx.label(r);
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
            assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
            Residuals residuals = Residuals.of(inst);
            CellPlan plan = ThreeLayerCells.plan(residuals);
            int m = plan.cellCount();
            ctx.classify(m >= 2, "M >= 2");
            int formula = ThreeLayerCells.neuronCount(residuals);
            assertThat(g.depth()).isEqualTo(3);
            assertThat(g.neurons()).as("neurons = formula").isEqualTo(formula);
            assertThat(g.hiddenWidths()).as("widths = (2M - 1, max P + max Q)").containsExactly(plan.m1(), plan.m2());
            long n = inst.changeCount();
            assertThat((long) formula).as("formula <= B3(N)").isLessThanOrEqualTo(Budget.threeLayerUpper(n));
            if (m > 0) {
                assertThat((long) plan.m2()).as("m2 <= 4 ceil(N/M) for the chosen M = " + m)
                        .isLessThanOrEqualTo(4 * ceilDiv(n, m));
                assertThat(plan.cells().get(0).first()).isZero();
                assertThat(plan.cells().get(m - 1).last()).isEqualTo(residuals.size() - 1);
            }
            assertThat(firstLayerParallel(g)).as("first-layer rows are multiples of one direction").isTrue();
        });
    }

    static boolean firstLayerParallel(Network<Rational> g) {
        return BatchEvaluation.ParallelFirstLayer.of(g).isPresent();
    }

    /** T3U for any M: m1 = 2M - 1, m2 <= 4 ceil(A/M), cells balanced, still exact. */
    @Test
    void everyCellCountWorks() {
        Gen<Map.Entry<GeneratedInstance, Integer>> gen = Gens.zip(Instances.instances(3, 4, 80), Gens.ints(0, 1_000), Map::entry);
        Property.forAll(gen).printer(e -> "M choice " + e.getValue() + " " + e.getKey())
                .cover("M >= 3", 7)
                .check((e, ctx) -> {
                    Instance inst = e.getKey().instance();
                    Residuals residuals = Residuals.of(inst);
                    int a = residuals.activeCount();
                    if (a == 0) return;
                    int m = 1 + e.getValue() % a;
                    ctx.classify(m >= 3, "M >= 3");
                    CellPlan plan = ThreeLayerCells.planWithCells(residuals, m);
                    Network<Rational> g = ThreeLayerCells.constructWithCells(RationalField.INSTANCE, residuals, inst.dimension(), m);
                    FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
                    assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
                    assertThat(g.hiddenWidths()).containsExactly(2 * m - 1, plan.m2());
                    assertThat((long) plan.maxActive()).as("balanced cells").isLessThanOrEqualTo(ceilDiv(a, m));
                    assertThat((long) plan.m2()).as("m2 <= 4 ceil(A/M)").isLessThanOrEqualTo(4 * ceilDiv(a, m));
                    for (Cell c : plan.cells()) {
                        assertThat(c.positive()).as("P_c <= 2 n_c").isLessThanOrEqualTo(2 * c.active());
                        assertThat(c.negative()).as("Q_c <= 2 n_c").isLessThanOrEqualTo(2 * c.active());
                    }
                });
    }

    /** Memorization, N = K: every sample changed to an arbitrary label. */
    @Test
    void memorizationIsTheCaseNEqualsK() {
        Gen<Instance> gen = Samples.sampleSets(6, 60).flatMap(set -> Networks.pretrained(set.dimension()).flatMap(f ->
                Gens.lists(Numbers.labels(), set.size(), set.size()).map(labels -> {
                    Map<Integer, Rational> ch = new TreeMap<>();
                    for (int i = 0; i < labels.size(); i++) ch.put(i, labels.get(i));
                    return new Instance("memorize", set.dimension(), set.points(), f, ch, 3);
                })));
        Property.forAll(gen).check((inst, ctx) -> {
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
            assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
            assertThat((long) g.neurons()).isLessThanOrEqualTo(Budget.threeLayerUpper(inst.sampleCount()));
            assertThat(g.neurons()).isEqualTo(ThreeLayerCells.neuronCount(Residuals.of(inst)));
        });
    }

    /**
     * Large K, small N: up to 3,000 untouched samples around N <= 6 changed ones. The count never
     * exceeds B3(N), a number that does not know K; adding more untouched samples far beyond all
     * others leaves the count at most B3(N) as well.
     */
    @Test
    void untouchedSamplesCostNothing() {
        Gen<Instance> gen = Gens.zip(Gens.ints(1, 6), Gens.ints(1, 3_000), Gens.longs(0, Long.MAX_VALUE - 1), (n, extra, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            int k = n + extra;
            int d = 1 + rnd.nextInt(4);
            java.util.Set<java.util.List<Rational>> seen = new java.util.HashSet<>();
            Rational[][] x = new Rational[k][];
            for (int i = 0; i < k; i++) {
                Rational[] p;
                do {
                    p = new Rational[d];
                    for (int j = 0; j < d; j++) p[j] = Rational.of(rnd.nextInt(-10_000, 10_001), 1 + rnd.nextInt(7));
                } while (!seen.add(java.util.Arrays.asList(p)));
                x[i] = p;
            }
            Map<Integer, Rational> ch = new TreeMap<>();
            while (ch.size() < n) ch.put(rnd.nextInt(k), Rational.of(rnd.nextInt(-50, 51), 1 + rnd.nextInt(5)));
            return Instance.withZeroPretrained(d, x, ch, 3);
        });
        Property.forAll(gen).check((inst, ctx) -> {
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
            assertThat((long) g.neurons()).as("K = " + inst.sampleCount()).isLessThanOrEqualTo(Budget.threeLayerUpper(inst.changeCount()));
        });
    }

    /** The double version runs everywhere; its misses are counted, not hidden; its shape is the plan's. */
    @Test
    void doubleVersionIsMeasuredNotTrusted() {
        Property.forAll(Instances.instances(3, 8, 80)).printer(GeneratedInstance::toString).onFailure(FailureInstances.write())
                .cover("double: exact", 10)
                .check((gi, ctx) -> {
                    Instance inst = gi.instance();
                    Network<Double> g;
                    try {
                        g = ThreeLayerCells.construct(DoubleField.INSTANCE, inst);
                    } catch (ArithmeticException e) {
                        ctx.label("double: construction failed");
                        return;
                    }
                    assertThat(g.hiddenWidths()).containsExactly(ThreeLayerCells.plan(Residuals.of(inst)).m1(),
                            ThreeLayerCells.plan(Residuals.of(inst)).m2());
                    FineTuneCheck.Report report = FineTuneCheck.check(inst, g.toExact());
                    ctx.label(report.fineTuned() ? "double: exact" : "double: misses samples");
                });
    }

    /** Output weights are exactly +1 then -1: units are shared by the cells through their signs. */
    @Test
    void outputWeightsAreSignsSharedByAllCells() {
        Property.forAll(Instances.instances(3, 3, 60)).check((gi, ctx) -> {
            Instance inst = gi.instance();
            Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
            CellPlan plan = ThreeLayerCells.plan(Residuals.of(inst));
            Layer<Rational> out = g.layer(2);
            for (int i = 0; i < out.inputs(); i++) {
                Rational expected = i < plan.maxPositive() ? Rational.ONE : Rational.ONE.negate();
                assertThat(out.weight(0, i)).as("output weight " + i).isEqualTo(expected);
            }
            assertThat(out.bias(0).isZero()).isTrue();
        });
    }
}
