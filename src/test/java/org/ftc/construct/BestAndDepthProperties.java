package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.bounds.Budget;
import org.ftc.bounds.HardInstances;
import org.ftc.gen.FailureInstances;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Hard;
import org.ftc.gen.Instances;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** {@code best} (the smaller of T3U and T3C) and depth {@code L >= 4} (proofs-notes/TL-depth-construction.md). */
class BestAndDepthProperties {

    @Test
    void bestNeverUsesMoreThanEither() {
        Property.forAll(Gens.oneOf(Instances.instances(3, 4, 60), Hard.cases(HardInstances.Variant.ALTERNATING, 3, 30).map(c ->
                        new GeneratedInstance(c.instance(), "hard"))))
                .printer(GeneratedInstance::toString).onFailure(FailureInstances.write())
                .cover("best is T3C", 5).cover("best is T3U", 5)
                .check((gi, ctx) -> {
                    Instance inst = gi.instance();
                    Residuals residuals = Residuals.of(inst);
                    Network<Rational> g = Constructions.construct(RationalField.INSTANCE, inst.withDepth(3));
                    Network<Rational> u = ThreeLayerCells.construct(RationalField.INSTANCE, inst);
                    Network<Rational> c = ThreeLayerCuts.construct(RationalField.INSTANCE, inst);
                    ctx.classify(g.neurons() < u.neurons(), "best is T3C");
                    ctx.classify(g.neurons() < c.neurons(), "best is T3U");
                    assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
                    assertThat(g.neurons()).isLessThanOrEqualTo(u.neurons()).isLessThanOrEqualTo(c.neurons())
                            .isEqualTo(Math.min(u.neurons(), c.neurons()))
                            .isEqualTo(ThreeLayerConstruction.BEST.neuronCount(residuals));
                    assertThat((long) g.neurons()).isLessThanOrEqualTo(Math.min(Budget.threeLayerUpper(inst.changeCount()),
                            Budget.threeLayerCutsUpper(inst.changeCount())));
                });
    }

    /** Depth L in 2..9 with each 3-layer construction: exact, neurons = 3-layer count + (L - 3), within the depth-L budgets. */
    @Test
    void depthLNetworksPassTheExactCheck() {
        Property.forAll(Gens.zip(Instances.instances(3, 3, 40), Gens.ints(2, 9), Gens.ints(0, 2), (gi, l, c) -> new Object[] {gi, l, c}))
                .printer(o -> "L=" + o[1] + " construction " + ThreeLayerConstruction.values()[(Integer) o[2]] + " " + o[0])
                .cover("L >= 4", 50)
                .check((o, ctx) -> {
                    Instance inst = ((GeneratedInstance) o[0]).instance().withDepth((Integer) o[1]);
                    ThreeLayerConstruction choice = ThreeLayerConstruction.values()[(Integer) o[2]];
                    int depth = inst.depth();
                    ctx.classify(depth >= 4, "L >= 4");
                    Network<Rational> g = Constructions.construct(RationalField.INSTANCE, inst, choice);
                    FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
                    assertThat(report.fineTuned()).as(report.describe(5)).isTrue();
                    assertThat(g.depth()).isEqualTo(depth);
                    Residuals residuals = Residuals.of(inst);
                    long n = inst.changeCount();
                    if (depth == 2) {
                        assertThat((long) g.neurons()).isLessThanOrEqualTo(3 * n);
                        return;
                    }
                    int three = choice.neuronCount(residuals);
                    int expected = three == 0 ? 0 : three + depth - 3;
                    assertThat(g.neurons()).as("3-layer count + (L - 3)").isEqualTo(expected);
                    if (choice != ThreeLayerConstruction.T3C) assertThat((long) g.neurons()).isLessThanOrEqualTo(Budget.depthUpper(depth, n));
                    if (choice != ThreeLayerConstruction.T3U) assertThat((long) g.neurons()).isLessThanOrEqualTo(Budget.depthCutsUpper(depth, n));
                    if (three > 0) {
                        for (int l = 2; l < depth - 1; l++) assertThat(g.hiddenWidths()[l]).as("pass-through layer " + l).isEqualTo(1);
                    }
                });
    }

    /** The shift makes every pass-through unit's input non-negative at every sample (the note's step 1), checked directly. */
    @Test
    void passThroughInputsAreNonNegativeAtEverySample() {
        Property.forAll(Instances.instances(3, 3, 30)).check((gi, ctx) -> {
            Instance inst = gi.instance().withDepth(5);
            Network<Rational> g = Constructions.construct(RationalField.INSTANCE, inst);
            if (g.neurons() == 0) return;
            for (int i = 0; i < inst.sampleCount(); i++) {
                Rational[] h = inst.sample(i).clone();
                for (int l = 0; l < g.depth() - 1; l++) {
                    Layer<Rational> layer = g.layer(l);
                    Rational[] next = new Rational[layer.width()];
                    for (int r = 0; r < next.length; r++) {
                        Rational z = layer.bias(r);
                        for (int c = 0; c < layer.inputs(); c++) z = z.add(layer.weight(r, c).multiply(h[c]));
                        if (l >= 2) assertThat(z.signum()).as("pre-activation of pass-through layer " + l + " at sample " + i).isGreaterThanOrEqualTo(0);
                        next[r] = z.signum() > 0 ? z : Rational.ZERO;
                    }
                    h = next;
                }
            }
        });
    }
}
