package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.Constructions;
import org.ftc.gen.TwoBlock;
import org.ftc.instance.FineTuneCheck;
import org.ftc.net.LineRestriction;
import org.ftc.net.Network;
import org.ftc.net.PiecewiseLinear;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** T3S: the signed-crossing lower bound on two-block instances. See proofs-notes/T3S-signed-crossing.md. */
class SignedCrossingPropertiesTest {

    static long bruteGamma(long y) {
        long best = Long.MAX_VALUE;
        for (long a = 0; a <= y; a++) {
            for (long p = 0; p <= y; p++) {
                if ((a + 1) * (p + 1) >= y) {
                    best = Math.min(best, a + p);
                    break;
                }
            }
        }
        return best;
    }

    @Test
    void gammaAgreesWithBruteForce() {
        for (long y = 0; y <= 600; y++) assertThat(SignedCrossing.gamma(y)).as("γ(%d)", y).isEqualTo(bruteGamma(y));
        Property.forAll(Gens.longs(0, 4_000_000_000_000L)).named("γ window vs ceil(2 sqrt Y) - 2")
                .check((y, ctx) -> {
                    // x + ceil(Y/x) >= 2 sqrt(Y), so γ(Y) >= ceil(2 sqrt Y) - 2; and γ is at most the value at x = ceil(sqrt Y)
                    if (y <= 1) return;
                    long g = SignedCrossing.gamma(y);
                    long c = SignedCrossing.isqrt(4 * y); // floor(2 sqrt Y)
                    long ceil2 = c * c == 4 * y ? c : c + 1;
                    if (g < ceil2 - 2) throw new AssertionError("γ(" + y + ") = " + g + " below ceil(2 sqrt Y) - 2 = " + (ceil2 - 2));
                    long x = SignedCrossing.isqrt(y);
                    if (x * x < y) x++;
                    if (g > x + (y + x - 1) / x - 2) throw new AssertionError("γ(" + y + ") = " + g + " above its value at ceil(sqrt Y)");
                });
    }

    @Test
    void statedValues() {
        // N = 100: 37, N = 1024: 125, N = 4096: 253 (T3L: 33, 109, 220)
        assertThat(SignedCrossing.best(100).bound()).isEqualTo(37);
        assertThat(SignedCrossing.best(1024).bound()).isEqualTo(125);
        assertThat(SignedCrossing.best(4096).bound()).isEqualTo(253);
        assertThat(Budget.threeLayerLower(1024)).isEqualTo(109);
        // by hand: N = 2, n = 1: γ(2) + γ(2) = 1 + 1 = 2; N = 1: γ(2) = 1 (the all-positive side gives γ(0) + γ(2))
        assertThat(SignedCrossing.bound(2, 1)).isEqualTo(2);
        assertThat(SignedCrossing.best(1).bound()).isEqualTo(1);
        for (long n = 20; n <= 3000; n++) {
            assertThat(SignedCrossing.best(n).bound()).as("T3S beats T3L at N = %d", n).isGreaterThan(Budget.threeLayerLower(n));
            assertThat((double) SignedCrossing.best(n).bound()).isGreaterThanOrEqualTo(4 * Math.sqrt(n) - 4 - 1e-9);
        }
    }

    /**
     * On random two-block instances the 3-layer construction fine-tunes exactly and never uses
     * fewer neurons than T3S; and the two counting steps of the proof hold on its restriction to the
     * line: at least 2n - 1 positive slope jumps before the last positive change and at least
     * 2(N - n) - 1 negative ones after the first negative change.
     */
    @Test
    void signedBoundNeverExceedsAConstructionOnTwoBlockInstances() {
        Property.forAll(TwoBlock.cases(3, 8)).named("T3S <= 3-layer construction on two-block instances")
                .printer(TwoBlock.Case::toString)
                .check((c, ctx) -> {
                    Network<Rational> g = Constructions.construct(RationalField.INSTANCE, c.instance());
                    FineTuneCheck.Report report = FineTuneCheck.check(c.instance(), g);
                    if (!report.fineTuned()) throw new AssertionError(report.describe(5));
                    long bound = SignedCrossing.bound(c.bigN(), c.n());
                    ctx.label("construction - T3S = " + Math.min(g.neurons() - bound, 6) + (g.neurons() - bound >= 6 ? "+" : ""));
                    if (g.neurons() < bound) throw new AssertionError("construction uses " + g.neurons() + " < T3S " + bound);
                    PiecewiseLinear h = LineRestriction.restrict(g, c.x0(), c.v());
                    int positive = 0, negative = 0;
                    Rational lastPositive = c.n() > 0 ? c.changedAt(c.n() - 1) : null;
                    Rational firstNegative = c.n() < c.bigN() ? c.changedAt(c.n()) : null;
                    for (int i = 0; i < h.knotCount(); i++) {
                        int sign = h.slopeBefore(i + 1).subtract(h.slopeBefore(i)).signum();
                        if (sign > 0 && lastPositive != null && h.knot(i).compareTo(lastPositive) < 0) positive++;
                        if (sign < 0 && firstNegative != null && h.knot(i).compareTo(firstNegative) > 0) negative++;
                    }
                    if (c.n() > 0 && positive < 2 * c.n() - 1) throw new AssertionError(positive + " positive jumps left of the last positive change, need " + (2 * c.n() - 1));
                    int neg = c.bigN() - c.n();
                    if (neg > 0 && negative < 2 * neg - 1) throw new AssertionError(negative + " negative jumps right of the first negative change, need " + (2 * neg - 1));
                });
    }

    @Test
    void fixedTwoBlockInstanceHasTheStatedShape() {
        TwoBlock.Case c = TwoBlock.fixed(3, 2, 3);
        assertThat(c.instance().sampleCount()).isEqualTo(13);
        assertThat(c.instance().changes().keySet()).containsExactly(2, 6, 10);
        assertThat(c.instance().changes().get(2)).isEqualTo(Rational.ONE);
        assertThat(c.instance().changes().get(6)).isEqualTo(Rational.ONE);
        assertThat(c.instance().changes().get(10)).isEqualTo(Rational.MINUS_ONE);
    }
}
