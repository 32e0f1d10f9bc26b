package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.construct.OneSwitchTriples;
import org.ftc.gen.TwoBlock;
import org.ftc.instance.FineTuneCheck;
import org.ftc.net.Network;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** The one-switch construction on two-block instances. See proofs-notes/T3S-signed-crossing.md. */
class OneSwitchTriplesPropertiesTest {

    @Test
    void countByHand() {
        // N = 1024, n = 512, T = 16: 32 + 32 + 64 + 1 = 129 (T3S: 125)
        assertThat(OneSwitchTriples.neuronCount(1024, 512, 16)).isEqualTo(129);
        assertThat(OneSwitchTriples.neuronCount(1024, 512, OneSwitchTriples.bestT(1024, 512))).isEqualTo(129);
        // one block only: ceil(N/T) + 3T; N = 12, T = 2: 6 + 6 = 12
        assertThat(OneSwitchTriples.neuronCount(12, 12, 2)).isEqualTo(12);
    }

    @Test
    void fineTunesTwoBlockInstancesExactlyWithItsCount() {
        Property.forAll(TwoBlock.cases(3, 14)).named("one-switch construction on two-block instances")
                .printer(TwoBlock.Case::toString)
                .check((c, ctx) -> {
                    Network<Rational> g = OneSwitchTriples.construct(c.instance());
                    FineTuneCheck.Report report = FineTuneCheck.check(c.instance(), g);
                    if (!report.fineTuned()) throw new AssertionError(report.describe(5));
                    long expected = OneSwitchTriples.neuronCount(c.bigN(), c.n(), OneSwitchTriples.bestT(c.bigN(), c.n()));
                    if (g.neurons() != expected) throw new AssertionError(g.neurons() + " neurons, formula " + expected);
                    long t3s = SignedCrossing.bound(c.bigN(), c.n());
                    if (g.neurons() < t3s) throw new AssertionError("below T3S: " + g.neurons() + " < " + t3s + " (the bound or the check is wrong)");
                    ctx.label(c.n() == 0 || c.n() == c.bigN() ? "one block" : "two blocks");
                });
    }

    /** Every group size, not only the best one, on the fixed instances. */
    @Test
    void everyGroupSizeWorksOnFixedInstances() {
        for (int bigN = 1; bigN <= 9; bigN++) {
            for (int n = 0; n <= bigN; n++) {
                TwoBlock.Case c = TwoBlock.fixed(bigN, n, 3);
                Rational[] p = c.t(), v = new Rational[p.length];
                for (int i = 0; i < p.length; i++) {
                    Rational y = c.instance().changes().get(i);
                    v[i] = y == null ? Rational.ZERO : y;
                }
                for (int t = 1; t <= bigN; t++) {
                    OneSwitchTriples.LineNetwork g = OneSwitchTriples.onLine(p, v, t);
                    Network<Rational> net = g.network(new Rational[] {Rational.ONE});
                    assertThat(FineTuneCheck.check(c.instance(), net).fineTuned()).as("N=%d n=%d T=%d", bigN, n, t).isTrue();
                    assertThat((long) net.neurons()).as("N=%d n=%d T=%d", bigN, n, t).isEqualTo(OneSwitchTriples.neuronCount(bigN, n, t));
                }
            }
        }
    }
}
