package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.construct.RampSum;
import org.ftc.construct.TwoLayerExact;
import org.ftc.construct.TwoLayerFewSamples;
import org.ftc.gen.FailureInstances;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** F2: FTC_2(N, K) exactly, from both sides. See proofs-notes/FTC2-exact-table.md. */
class TwoLayerCapacityPropertiesTest {

    /** The table as stated in the theory (rows N = 1..3, columns K = 1..11; 0 marks N > K). */
    @Test
    void formulaMatchesTheStatedTable() {
        long[][] stated = {
                {0, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3},
                {-1, 1, 2, 3, 3, 4, 5, 6, 6, 6, 6},
                {-1, -1, 2, 3, 3, 4, 5, 6, 7, 8, 9}};
        for (int n = 1; n <= 3; n++) {
            for (int k = n; k <= 11; k++) assertThat(TwoLayerCapacity.exact(n, k)).as("N=%d K=%d", n, k).isEqualTo(stated[n - 1][k - 1]);
        }
        for (int n = 1; n <= 50; n++) {
            assertThat(TwoLayerCapacity.exact(n, 3L * n + 2)).isEqualTo(3L * n);
            assertThat(TwoLayerCapacity.exact(n, 3L * n + 1)).isEqualTo(n == 1 ? 2 : 3L * n - 1);
            assertThat(TwoLayerCapacity.exact(n, 1_000_000)).isEqualTo(3L * n);
        }
        // memorisation (N = K >= 5) needs exactly K - 2
        for (int k = 5; k <= 40; k++) assertThat(TwoLayerCapacity.exact(k, k)).isEqualTo(k - 2);
    }

    /** Lower side: each family instance needs the table's value (O2 for small K, MB in general). */
    @Test
    void familiesAttainTheTable() {
        for (int n = 1; n <= 5; n++) {
            for (int k = n; k <= 21; k++) {
                Rational[][] d = WorstCaseFamilies.data(n, k);
                int mb = MinimumBreakpoints.count(d[0], d[1]);
                long value = TwoLayerCapacity.exact(n, k);
                String what = "N=" + n + " K=" + k + " " + WorstCaseFamilies.describe(WorstCaseFamilies.pattern(n, k));
                assertThat(Integer.bitCount(mask(WorstCaseFamilies.pattern(n, k)))).as(what).isEqualTo(n);
                if (k >= 5) assertThat((long) mb).as(what).isEqualTo(value);
                if (k <= 8) assertThat((long) TwoLayerWidth.width(d[0], d[1])).as(what).isEqualTo(value);
            }
        }
    }

    static int mask(int[] pattern) {
        int m = 0;
        for (int i = 0; i < pattern.length; i++) if (pattern[i] != 0) m |= 1 << i;
        return m;
    }

    /** Upper side on random instances in any dimension: exact, within FTC_2(N, K). */
    @Test
    void exactConstructionStaysWithinFtc2() {
        Property.forAll(Instances.instances(2, 3, 9)).named("F2 upper: TwoLayerExact <= FTC_2(N, K)")
                .printer(GeneratedInstance::toString).onFailure(FailureInstances.write())
                .check((gi, ctx) -> {
                    Instance instance = gi.instance();
                    int n = instance.changeCount(), k = instance.sampleCount();
                    Network<Rational> g = TwoLayerExact.construct(instance);
                    FineTuneCheck.Report report = FineTuneCheck.check(instance, g);
                    if (!report.fineTuned()) throw new AssertionError(report.describe(5));
                    long bound = TwoLayerCapacity.exact(n, k);
                    ctx.label(g.neurons() == bound ? "at FTC_2" : "below FTC_2");
                    if (g.neurons() > bound) throw new AssertionError(g.neurons() + " neurons > FTC_2(" + n + ", " + k + ") = " + bound);
                });
    }

    /** The few-sample construction alone: exact, K - 1 always, K - 2 from K = 5 on. */
    @Test
    void fewSampleConstructionUsesKMinusTwo() {
        Property.forAll(Instances.instances(2, 3, 9)).named("F2 few samples: K - 2 (K >= 5), K - 1 always")
                .printer(GeneratedInstance::toString).onFailure(FailureInstances.write())
                .check((gi, ctx) -> {
                    Instance instance = gi.instance();
                    int k = Residuals.of(instance).pointsView().length;
                    Network<Rational> g = TwoLayerFewSamples.construct(instance);
                    FineTuneCheck.Report report = FineTuneCheck.check(instance, g);
                    if (!report.fineTuned()) throw new AssertionError(report.describe(5));
                    ctx.label(k >= 5 ? "K >= 5" : "K <= 4");
                    if (g.neurons() > Math.max(0, k - 1)) throw new AssertionError(g.neurons() + " > K - 1 with K = " + k);
                    if (k >= 5 && g.neurons() > k - 2) throw new AssertionError(g.neurons() + " > K - 2 with K = " + k);
                });
    }

    /** 1-D: the few-sample ramps interpolate, stay within their bound, and never beat the exact least width. */
    @Test
    void fewSampleRampsAgreeWithTheOracle() {
        Property.forAll(TwoLayerWidthPropertiesTest.mixed(1, 8)).named("F2 few samples vs O2")
                .check((data, ctx) -> {
                    RampSum sum = TwoLayerFewSamples.onLine(data.p(), data.v());
                    for (int i = 0; i < data.p().length; i++) {
                        if (sum.valueAt(data.p()[i]).compareTo(data.v()[i]) != 0) throw new AssertionError("misses point " + i + ": " + sum);
                    }
                    int bound = TwoLayerFewSamples.widthBound(data.p(), data.v());
                    int least = TwoLayerWidth.width(data.p(), data.v());
                    ctx.label(sum.width() == least ? "optimal" : "above the least width");
                    if (sum.width() > bound) throw new AssertionError("width " + sum.width() + " > bound " + bound);
                    if (sum.width() < least) throw new AssertionError("width " + sum.width() + " below the exact least width " + least + ": O2 is wrong");
                    // on zigzags of at most 4 points the bound K - 1 is the least width (the characterisation)
                    if (bound == data.p().length - 1 && least != bound) throw new AssertionError("zigzag of " + data.p().length + " points with least width " + least);
                });
    }
}
