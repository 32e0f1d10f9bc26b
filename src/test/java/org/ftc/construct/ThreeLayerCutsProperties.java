package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.AprationalField;
import org.ftc.arith.DoubleField;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.gen.FailureInstances;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.gen.Numbers;
import org.ftc.gen.Samples;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.InfeasibleInstanceException;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** T3C (proofs-notes/T3C-chained-triples.md): every step of the proof is one of these properties. */
class ThreeLayerCutsProperties {

    /** The signs of the active residuals in projected order, computed here from the instance directly. */
    static List<Integer> activeSigns(Residuals residuals) {
        Projection p = Projection.find(residuals.pointsView());
        List<Integer> signs = new ArrayList<>();
        for (int i : p.order()) {
            int s = residuals.value(i).signum();
            if (s != 0) signs.add(s);
        }
        return signs;
    }

    /** Greedy groups, written out plainly: close a group when the next residual would exceed its sign's cap. */
    static int greedyGroups(List<Integer> signs, int tPlus, int tMinus) {
        if (signs.isEmpty()) return 0;
        int groups = 1, p = 0, q = 0;
        for (int s : signs) {
            if ((s > 0 && p == tPlus) || (s < 0 && q == tMinus)) {
                groups++;
                p = 0;
                q = 0;
            }
            if (s > 0) p++;
            else q++;
        }
        return groups;
    }

    /** The least {@code C + 3(T+ + T-)} over every admissible pair, by exhaustive search. */
    static int bruteForceBest(List<Integer> signs) {
        if (signs.isEmpty()) return 0;
        int np = (int) signs.stream().filter(s -> s > 0).count(), nn = signs.size() - np;
        int best = Integer.MAX_VALUE;
        for (int tp = np > 0 ? 1 : 0; tp <= np; tp++) {
            for (int tn = nn > 0 ? 1 : 0; tn <= nn; tn++) best = Math.min(best, greedyGroups(signs, tp, tn) + 3 * (tp + tn));
        }
        return best;
    }

    static void assertT3c(Instance inst, Network<Rational> g) {
        FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
        assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
        Residuals residuals = Residuals.of(inst);
        List<Integer> signs = activeSigns(residuals);
        CutPlan plan = ThreeLayerCuts.plan(residuals);
        int np = (int) signs.stream().filter(s -> s > 0).count(), nn = signs.size() - np;
        assertThat(g.depth()).isEqualTo(3);
        if (signs.isEmpty()) {
            assertThat(g.neurons()).isZero();
            return;
        }
        int c = greedyGroups(signs, plan.tPlus(), plan.tMinus());
        assertThat(g.hiddenWidths()).as("widths = (C, 3(T+ + T-)) for " + plan).containsExactly(c, 3 * (plan.tPlus() + plan.tMinus()));
        assertThat(g.neurons()).as("neurons = formula").isEqualTo(ThreeLayerCuts.neuronCount(residuals));
        assertThat(c - 1).as("C - 1 <= floor(N+/T+) + floor(N-/T-)")
                .isLessThanOrEqualTo((plan.tPlus() == 0 ? 0 : np / plan.tPlus()) + (plan.tMinus() == 0 ? 0 : nn / plan.tMinus()));
        long perSign = Budget.threeLayerCutsPerSign(np) + Budget.threeLayerCutsPerSign(nn) + 1;
        assertThat((long) g.neurons()).as("<= G(N+) + G(N-) + 1").isLessThanOrEqualTo(perSign);
        assertThat((long) g.neurons()).as("<= T3C budget of N").isLessThanOrEqualTo(Budget.threeLayerCutsUpper(inst.changeCount()));
        if (signs.size() <= 40) assertThat(g.neurons()).as("best (T+, T-)").isEqualTo(bruteForceBest(signs));
        Layer<Rational> out = g.layer(2);
        for (int t = 0; t < out.inputs() / 3; t++) {
            Rational s = t < plan.tPlus() ? Rational.ONE : Rational.MINUS_ONE;
            assertThat(List.of(out.weight(0, 3 * t), out.weight(0, 3 * t + 1), out.weight(0, 3 * t + 2))).containsExactly(s, s, s.negate());
        }
    }

    /** T3C-1..T3C-6 on every sample family (gaps of 1e-30, magnitudes of 1e30 included). */
    @Test
    void cutsFineTuneExactlyWithTheirFormula() {
        var property = Property.forAll(Instances.instances(3, 16, 60)).printer(GeneratedInstance::toString).onFailure(FailureInstances.write());
        for (String family : Samples.FAMILIES) property = property.cover("family " + family, 3);
        property.cover("C >= 2", 10).cover("both signs", 10).check((gi, ctx) -> {
            Instance inst = gi.instance();
            ctx.label("family " + gi.family());
            Network<Rational> g = ThreeLayerCuts.construct(RationalField.INSTANCE, inst);
            ctx.classify(g.hiddenWidths()[0] >= 2, "C >= 2");
            List<Integer> signs = activeSigns(Residuals.of(inst));
            ctx.classify(signs.contains(1) && signs.contains(-1), "both signs");
            assertT3c(inst, g);
        });
    }

    /** Layer-2 pre-activation of unit {@code q} at the 1-D point {@code t}, summed here from the weights. */
    static Rational preActivation(Network<Rational> g, int q, Rational t) {
        Layer<Rational> first = g.layer(0), second = g.layer(1);
        Rational z = second.bias(q);
        for (int i = 0; i < first.width(); i++) {
            Rational h = first.weight(i, 0).multiply(t).add(first.bias(i));
            if (h.signum() > 0) z = z.add(second.weight(q, i).multiply(h));
        }
        return z;
    }

    /** The number of bits of the odd part of {@code q}'s denominator. */
    static int oddDenominatorBits(Rational q) {
        java.math.BigInteger d = q.denominator();
        return d.shiftRight(d.getLowestSetBit()).bitLength();
    }

    /**
     * Step 5's sizes: the odd part of every second-layer weight's denominator is bounded by the
     * sizes of the data, not by the number of cells. Many cells ({@code T+ <= 3}, one sign) on the line,
     * samples and residuals of up to {@code B} bits each: the bound {@code 12 B + 64} holds for
     * every {@code C}; taking the least magnitudes exactly (the earlier chain) multiplies one
     * denominator per cell into the values and exceeds it from about 10 cells on.
     */
    @Test
    void numbersDoNotGrowAlongTheChain() {
        Gen<Rational> labels = Numbers.fractions(1000, 1000);
        Gen<Instance> lines = Gens.ints(60, 150).flatMap(k -> (org.ftc.prop.Source s) -> {
            Rational[][] x = Samples.random(1, k, Numbers.fractions(100_000, 1000)).generate(s).points();
            java.util.Map<Integer, Rational> changes = new java.util.TreeMap<>();
            for (int i = 0; i < x.length; i++) {
                Rational r = labels.generate(s);
                if (!r.isZero()) changes.put(i, r.abs()); // one sign: the triple serves in every cell
            }
            return new Instance("", 1, x, Network.zero(RationalField.INSTANCE, 1, 2), changes, 3);
        });
        Property.forAll(lines).tries(25).cover("C >= 15", 20).check((inst, ctx) -> {
            Residuals residuals = Residuals.of(inst);
            List<Integer> signs = activeSigns(residuals);
            if (signs.isEmpty()) return;
            // T+ = 1 mostly (one triple serves every cell); 2 or 3 now and then (the rotation of step 2)
            int cap = 1 + Math.max(0, signs.size() % 5 - 2);
            int tp = signs.contains(1) ? cap : 0, tn = signs.contains(-1) ? 1 : 0;
            Network<Rational> g = ThreeLayerCuts.constructWith(RationalField.INSTANCE, residuals, 1, tp, tn);
            assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
            int pointBits = 0, residualBits = 0;
            for (int i = 0; i < residuals.size(); i++) {
                pointBits = Math.max(pointBits, residuals.pointsView()[i][0].bitSize());
                residualBits = Math.max(residualBits, residuals.value(i).bitSize());
            }
            int bits = pointBits + residualBits;
            Layer<Rational> second = g.layer(1);
            int worst = 0;
            for (int q = 0; q < second.width(); q++) {
                worst = Math.max(worst, oddDenominatorBits(second.bias(q)));
                for (int j = 0; j < second.inputs(); j++) worst = Math.max(worst, oddDenominatorBits(second.weight(q, j)));
            }
            ctx.classify(g.hiddenWidths()[0] >= 15, "C >= 15");
            assertThat(worst).as("odd denominator bits of layer 2 with C = " + g.hiddenWidths()[0] + ", data bits " + bits)
                    .isLessThanOrEqualTo(6 * bits + 64);
            // At every cut kappa_j (t = -bias of first-layer unit j; d = 1, u = (1)), one unit of each
            // triple's pair X, Y is a dyadic: the one the forward pass chose (or both after an idle cell).
            Layer<Rational> first = g.layer(0);
            for (int j = 0; j < first.width(); j++) {
                Rational kappa = first.bias(j).negate();
                for (int t = 0; t < second.width() / 3; t++) {
                    Rational x = preActivation(g, 3 * t, kappa), y = preActivation(g, 3 * t + 1, kappa);
                    assertThat(x.isDyadic() || y.isDyadic()).as("triple " + t + " at cut " + j + ": X = " + x + ", Y = " + y).isTrue();
                }
            }
        });
    }

    /** Repeated samples: merged when they agree, refused when they conflict; the merged instance is T3C-exact. */
    @Test
    void duplicatesAreMergedAndStillExact() {
        Property.forAll(Instances.instances(3, Samples.withRepeats(3, 40))).printer(GeneratedInstance::toString).onFailure(FailureInstances.write())
                .cover("feasible with repeats", 10)
                .check((gi, ctx) -> {
                    Instance inst = gi.instance();
                    Residuals residuals;
                    try {
                        residuals = Residuals.of(inst);
                    } catch (InfeasibleInstanceException e) {
                        ctx.label("infeasible");
                        return;
                    }
                    ctx.classify(residuals.size() < inst.sampleCount(), "feasible with repeats");
                    assertT3c(inst, ThreeLayerCuts.construct(RationalField.INSTANCE, inst));
                });
    }

    /** Every admissible (T+, T-), not only the best: the chain of triples works for each. */
    @Test
    void everyPairOfCapsWorks() {
        Property.forAll(Gens.zip(Instances.instances(3, 3, 30), Gens.ints(0, 1000), Gens.ints(0, 1000), (gi, x, y) -> new Object[] {gi, x, y}))
                .printer(o -> o[1] + " " + o[2] + " " + o[0]).cover("C >= 3", 10)
                .check((o, ctx) -> {
                    Instance inst = ((GeneratedInstance) o[0]).instance();
                    Residuals residuals = Residuals.of(inst);
                    List<Integer> signs = activeSigns(residuals);
                    int np = (int) signs.stream().filter(s -> s > 0).count(), nn = signs.size() - np;
                    int tp = np == 0 ? 0 : 1 + (Integer) o[1] % np, tn = nn == 0 ? 0 : 1 + (Integer) o[2] % nn;
                    Network<Rational> g = ThreeLayerCuts.constructWith(RationalField.INSTANCE, residuals, inst.dimension(), tp, tn);
                    FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
                    assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
                    if (signs.isEmpty()) return;
                    int c = greedyGroups(signs, tp, tn);
                    ctx.classify(c >= 3, "C >= 3");
                    assertThat(g.hiddenWidths()).containsExactly(c, 3 * (tp + tn));
                });
    }

    /** Written once over Field: the exact Apfloat field (Aprational) is exact too; double is measured, and keep the plan's shape. */
    @Test
    void everyFieldRunsAndExactFieldsAreExact() {
        Property.forAll(Instances.instances(3, 2, 12)).tries(30).printer(GeneratedInstance::toString).check((gi, ctx) -> {
            Instance inst = gi.instance();
            CutPlan plan = ThreeLayerCuts.plan(Residuals.of(inst));
            Network<?> ap = ThreeLayerCuts.construct(AprationalField.INSTANCE, inst);
            assertThat(FineTuneCheck.check(inst, ap.toExact()).fineTuned()).isTrue();
            for (org.ftc.arith.Field<?> field : List.of(DoubleField.INSTANCE)) {
                Network<?> g;
                try {
                    g = ThreeLayerCuts.construct(field, inst);
                } catch (ArithmeticException e) {
                    ctx.label(field.name() + ": construction failed");
                    continue;
                }
                assertThat(g.neurons()).isEqualTo(plan.neurons());
                boolean exact = FineTuneCheck.check(inst, g.toExact()).fineTuned();
                ctx.label(field.name() + (exact ? ": exact" : ": misses samples"));
            }
        });
    }

    /** The guaranteed budget: G(n) <= 2 sqrt(3n) + 3, so T3C <= 2 sqrt(3N+) + 2 sqrt(3N-) + 7; decided in integers. */
    @Test
    void perSignBoundIsWithinTheClosedForm() {
        for (long n = 0; n <= 20_000; n++) {
            long g = Budget.threeLayerCutsPerSign(n);
            long x = g - 3;
            assertThat(x <= 0 || x * x <= 12 * n).as("G(" + n + ") = " + g).isTrue();
        }
        // 2 sqrt(6N) + 7 bounds the budget of N: (B - 7)^2 <= 24 N.
        for (long n = 1; n <= 3_000; n++) {
            long b = Budget.threeLayerCutsUpper(n) - 7;
            assertThat(b <= 0 || b * b <= 24 * n).as("T3C budget of " + n).isTrue();
        }
    }
}
