package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.ftc.arith.Rational;
import org.ftc.gen.Lines;
import org.ftc.gen.Numbers;
import org.ftc.gen.OneDimensional;
import org.ftc.net.PiecewiseLinear;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;
import org.junit.jupiter.api.Test;

/** MB: the exact minimum-breakpoint oracle. See proofs-notes/MB-minimum-breakpoints.md. */
class MinimumBreakpointsPropertiesTest {

    static Rational[] r(long... xs) {
        Rational[] out = new Rational[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = Rational.of(xs[i]);
        return out;
    }

    @Test
    void handExamples() {
        // one or two points: a line through them, no breakpoint
        assertThat(MinimumBreakpoints.count(r(0), r(5))).isZero();
        assertThat(MinimumBreakpoints.count(r(0, 1), r(5, -3))).isZero();
        // collinear points: 0
        assertThat(MinimumBreakpoints.count(r(0, 1, 3), r(1, 2, 4))).isZero();
        // a peak (secants +, -): derivative must change, one breakpoint suffices (at the peak)
        assertThat(MinimumBreakpoints.count(r(0, 1, 2), r(0, 1, 0))).isEqualTo(1);
        // u u c u u: secants 0, +, -, 0: the derivative goes 0 -> + -> - -> 0, three changes, and the
        // hat itself has three: 3 (T2L with N = 1)
        assertThat(MinimumBreakpoints.count(r(0, 1, 2, 3, 4), r(0, 0, 1, 0, 0))).isEqualTo(3);
        // u c u: secants +, -: one breakpoint (the peak; the outer rays continue the secants)
        assertThat(MinimumBreakpoints.count(r(0, 1, 2), r(0, 1, 0))).isEqualTo(1);
        // zigzag 0 1 0 1: secants +, -, +: two sign changes, two breakpoints at the inner points
        assertThat(MinimumBreakpoints.count(r(0, 1, 2, 3), r(0, 1, 0, 1))).isEqualTo(2);
        // convex data 0, 1, 4, 9 (secants 1, 3, 5): increasing secants; a breakpoint inside interval 1
        // lets slope 2 on [0,1] ... no: with one jump from a to b, averages 1, 3, 5 on three unit
        // intervals cannot all hold (the middle interval needs a jump, the outer ones constant slopes
        // 1 and 5, so the middle average would need the jump to move slope 1 to 5 within it: 1 jump
        // gives averages 1 and 5 on the outer intervals and anything between on the middle): 1
        assertThat(MinimumBreakpoints.count(r(0, 1, 2, 3), r(0, 1, 4, 9))).isEqualTo(1);
        // secants 1, 3, 5, 7 on four unit intervals: two jumps needed (one jump leaves two outer
        // constant stretches covering whole intervals on each side, so at most one interval gets a
        // value strictly between; two middle intervals have distinct averages strictly between 1 and 7)
        assertThat(MinimumBreakpoints.count(r(0, 1, 2, 3, 4), r(0, 1, 4, 9, 16))).isEqualTo(2);
        // 0, 0, 0, 1, 2 (secants 0, 0, 1, 1): relu(t - 2) has one breakpoint, exactly at the data point
        // 2. With one jump from a to b inside an interval, the intervals wholly left of it force a = 0
        // and those wholly right force b = 1, so the interval holding the jump would average strictly
        // between 0 and 1 unless the jump sits at its end: only a jump at a data point works. (This case
        // catches a programme without the point-jump transition, which answers 2; found in review.)
        assertThat(MinimumBreakpoints.count(r(0, 1, 2, 3, 4), r(0, 0, 0, 1, 2))).isEqualTo(1);
    }

    @Test
    void rejectsBadData() {
        assertThatThrownBy(() -> MinimumBreakpoints.count(r(), r())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> MinimumBreakpoints.count(r(0, 0), r(1, 1))).hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> MinimumBreakpoints.count(r(0, 1), r(1))).hasMessageContaining("values");
    }

    /** The witness interpolates every data point exactly and has exactly MB breakpoints. */
    static void checkWitness(OneDimensional.Data data, int claimed, PiecewiseLinear witness) {
        for (int i = 0; i < data.p().length; i++) {
            if (witness.valueAt(data.p()[i]).compareTo(data.v()[i]) != 0) {
                throw new AssertionError("witness misses point " + i + ": " + witness.valueAt(data.p()[i]) + " != " + data.v()[i] + "\n" + witness);
            }
        }
        int bp = witness.breakpoints().size();
        if (bp != claimed) throw new AssertionError("witness has " + bp + " breakpoints, MB claims " + claimed + "\n" + witness);
    }

    @Test
    void mbWitnessInterpolatesExactlyWithExactlyMbBreakpoints() {
        Property.forAll(OneDimensional.data(1, 12)).named("MB witness")
                .check((data, ctx) -> {
                    MinimumBreakpoints.Result res = MinimumBreakpoints.solve(data.p(), data.v());
                    ctx.label("MB = " + Math.min(res.breakpoints(), 4) + (res.breakpoints() >= 4 ? "+" : ""));
                    checkWitness(data, res.breakpoints(), res.witness());
                    if (MinimumBreakpoints.count(data.p(), data.v()) != res.breakpoints()) throw new AssertionError("count != solve");
                });
    }

    /** Samples of a PL function never need more breakpoints than it has. */
    static void checkSound(PiecewiseLinear h, Rational[] p, BiFunction<Rational[], Rational[], Integer> mb) {
        Rational[] v = h.valuesAtSorted(p);
        int claimed = mb.apply(p, v);
        int actual = h.breakpoints().size();
        if (claimed > actual) throw new AssertionError("MB = " + claimed + " but " + h + " interpolates with " + actual + " breakpoints");
    }

    static Gen<Object[]> plAndPositions() {
        return Gens.zip(OneDimensional.piecewiseLinear(6), OneDimensional.positions(10), (h, p) -> new Object[] {h, p});
    }

    @Test
    void mbNeverExceedsTheBreakpointsOfASampledPlFunction() {
        Property.forAll(plAndPositions()).named("MB soundness (PL functions)")
                .printer(o -> o[0] + "\n  at " + java.util.Arrays.toString((Rational[]) o[1]))
                .check((o, ctx) -> checkSound((PiecewiseLinear) o[0], (Rational[]) o[1], MinimumBreakpoints::count));
    }

    @Test
    void mbNeverExceedsTheBreakpointsOfANetworkOnALine() {
        Gen<Object[]> gen = Gens.zip(Gens.ints(2, 3).flatMap(depth -> Lines.onNetworks(depth, 5)), OneDimensional.positions(12),
                (nl, p) -> new Object[] {nl, p});
        Property.forAll(gen).named("MB soundness (networks on lines)")
                .printer(o -> o[0] + "\n  at t = " + java.util.Arrays.toString((Rational[]) o[1]))
                .check((o, ctx) -> {
                    Lines.NetworkLine nl = (Lines.NetworkLine) o[0];
                    Rational[] t = (Rational[]) o[1];
                    // the samples g(x0 + t_i v), computed densely (not via the restriction)
                    Rational[] v = new Rational[t.length];
                    for (int i = 0; i < t.length; i++) v[i] = nl.g().evaluate(nl.at(t[i]));
                    int mb = MinimumBreakpoints.count(t, v);
                    int bp = nl.restriction().breakpoints().size();
                    ctx.classify(mb == bp && bp > 0, "tight");
                    if (mb > bp) throw new AssertionError("MB = " + mb + " exceeds the restriction's " + bp + " breakpoints");
                    if (nl.g().depth() == 2 && mb > nl.g().neurons()) throw new AssertionError("MB exceeds m (LR2)");
                });
    }

    @Test
    void mbAgreesWithAnIndependentBruteForceOnTinyData() {
        Property.forAll(OneDimensional.data(1, 6)).named("MB = brute force (n <= 5)")
                .check((data, ctx) -> {
                    int dp = MinimumBreakpoints.count(data.p(), data.v());
                    int brute = MbBruteForce.count(data.p(), data.v());
                    ctx.label("MB = " + dp);
                    if (dp != brute) throw new AssertionError("MB oracle " + dp + ", brute force " + brute);
                });
    }

    /** Adding an affine function, scaling values, mirroring: breakpoints are unchanged, so MB is too. */
    @Test
    void mbIsInvariantUnderAffineChangesAndMirroring() {
        Gen<Object[]> gen = Gens.zip(OneDimensional.data(1, 10), Numbers.smallFractions(), Numbers.smallFractions(),
                Gens.ints(1, 5).map(k -> Rational.of(k)), (data, a, b, scale) -> new Object[] {data, a, b, scale});
        Property.forAll(gen).named("MB invariances")
                .check((o, ctx) -> {
                    OneDimensional.Data data = (OneDimensional.Data) o[0];
                    Rational a = (Rational) o[1], b = (Rational) o[2], scale = (Rational) o[3];
                    int n = data.p().length;
                    int base = MinimumBreakpoints.count(data.p(), data.v());
                    Rational[] shifted = new Rational[n], mirroredP = new Rational[n], mirroredV = new Rational[n];
                    for (int i = 0; i < n; i++) {
                        shifted[i] = data.v()[i].multiply(scale).add(a.multiply(data.p()[i])).add(b);
                        mirroredP[i] = data.p()[n - 1 - i].negate();
                        mirroredV[i] = data.v()[n - 1 - i];
                    }
                    assertThat(MinimumBreakpoints.count(data.p(), shifted)).as("scaled plus affine").isEqualTo(base);
                    assertThat(MinimumBreakpoints.count(mirroredP, mirroredV)).as("mirrored").isEqualTo(base);
                });
    }

    /** The suite catches MB off by one in either direction, with at most 6 points after shrinking. */
    @Test
    void mbOffByOneIsCaughtAndShrinksToAtMostSixPoints() {
        PropertyResult<Object[]> tooHigh = Property.forAll(plAndPositions()).named("MB + 1 soundness (must fail)")
                .seed(2L).quiet().noFailureFile().ignoreSystemProperties()
                .run((o, ctx) -> checkSound((PiecewiseLinear) o[0], (Rational[]) o[1], (p, v) -> MinimumBreakpoints.count(p, v) + 1));
        assertThat(tooHigh.passed()).isFalse();
        assertThat(((Rational[]) tooHigh.shrunk().orElseThrow()[1]).length).isLessThanOrEqualTo(6);

        PropertyResult<OneDimensional.Data> tooLow = Property.forAll(OneDimensional.data(1, 6)).named("MB - 1 vs brute force (must fail)")
                .seed(3L).quiet().noFailureFile().ignoreSystemProperties()
                .run((data, ctx) -> {
                    int broken = MinimumBreakpoints.count(data.p(), data.v()) - 1;
                    if (broken != MbBruteForce.count(data.p(), data.v())) throw new AssertionError("disagree");
                });
        assertThat(tooLow.passed()).isFalse();
        assertThat(tooLow.shrunk().orElseThrow().p().length).isLessThanOrEqualTo(6);
        System.out.println("MB+1 shrunk to: " + java.util.Arrays.toString((Rational[]) tooHigh.shrunk().get()[1]) + " on " + tooHigh.shrunk().get()[0]
                + "\nMB-1 shrunk to: " + tooLow.shrunk().get());
    }
}
