package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.RampSum;
import org.ftc.gen.Numbers;
import org.ftc.gen.OneDimensional;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** O2: the exact least 2-layer width through 1-D data. See proofs-notes/O2-two-layer-width.md. */
class TwoLayerWidthPropertiesTest {

    static Rational[] ints(long... xs) {
        Rational[] out = new Rational[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = Rational.of(xs[i]);
        return out;
    }

    static Rational[] positions(int k) {
        Rational[] p = new Rational[k];
        for (int i = 0; i < k; i++) p[i] = Rational.of(i);
        return p;
    }

    /** Zigzag data: values alternately step up and down by small positive amounts (either start). */
    static Gen<OneDimensional.Data> zigzags(int minPoints, int maxPoints) {
        Gen<Rational> step = Numbers.smallGaps(), start = Numbers.smallFractions();
        return s -> {
            int k = Gens.ints(minPoints, maxPoints).generate(s);
            Rational[] p = OneDimensional.increasing(k).generate(s);
            Rational[] v = new Rational[k];
            int sign = Gens.booleans().generate(s) ? 1 : -1;
            v[0] = start.generate(s);
            for (int i = 1; i < k; i++) {
                v[i] = v[i - 1].add(step.generate(s).multiply(Rational.of(sign)));
                sign = -sign;
            }
            return new OneDimensional.Data(p, v);
        };
    }

    static Gen<OneDimensional.Data> mixed(int minPoints, int maxPoints) {
        return Gens.oneOf(OneDimensional.data(minPoints, maxPoints), zigzags(minPoints, maxPoints));
    }

    /** The 1-D instance with {@code f = 0} whose residuals are the data (changed where nonzero). */
    static Instance instanceOf(Rational[] p, Rational[] v) {
        Rational[][] samples = new Rational[p.length][];
        Map<Integer, Rational> changes = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            samples[i] = new Rational[] {p[i]};
            if (!v[i].isZero()) changes.put(i, v[i]);
        }
        return Instance.withZeroPretrained(1, samples, changes, 2);
    }

    static void checkWitness(Rational[] p, Rational[] v, TwoLayerWidth.Result res) {
        Network<Rational> g = res.witness().network();
        FineTuneCheck.Report report = FineTuneCheck.check(instanceOf(p, v), g);
        if (!report.fineTuned()) throw new AssertionError("O2 witness fails: " + report.describe(5) + "\n" + res.witness());
        if (g.neurons() != res.width()) throw new AssertionError("witness has " + g.neurons() + " units, O2 says " + res.width());
        int mb = MinimumBreakpoints.count(p, v);
        if (res.minimumBreakpoints() != mb) throw new AssertionError("O2 reports MB " + res.minimumBreakpoints() + ", MB oracle " + mb);
        if (res.width() != mb && res.width() != mb + 1) throw new AssertionError("width " + res.width() + " is neither MB nor MB + 1 (MB " + mb + ")");
    }

    @Test
    void handExamples() {
        // one point: the bias alone; two equal values: the bias; two different: one unit
        assertThat(TwoLayerWidth.width(positions(1), ints(5))).isZero();
        assertThat(TwoLayerWidth.width(positions(2), ints(3, 3))).isZero();
        assertThat(TwoLayerWidth.width(positions(2), ints(0, 1))).isEqualTo(1);
        // collinear, not constant: MB 0 but a 2-layer net has no free affine part: 1
        assertThat(TwoLayerWidth.width(positions(3), ints(0, 1, 2))).isEqualTo(1);
        // u c u: MB 1 (a peak), but one unit is monotone: 2
        assertThat(TwoLayerWidth.width(positions(3), ints(0, 1, 0))).isEqualTo(2);
        // zigzag of 4: MB 2, width 3 (the signs of the three pieces are forced: +, -, +)
        assertThat(TwoLayerWidth.width(positions(4), ints(0, 1, 0, 1))).isEqualTo(3);
        // zigzag of 5: MB 3 = width (a right unit then two left units, no zero piece needed)
        assertThat(TwoLayerWidth.width(positions(5), ints(0, 1, 0, 1, 0))).isEqualTo(3);
        // convex 0 1 4 9: one breakpoint, slopes 1 -> 5, no zero piece and 1 + 4 != 0: 2
        assertThat(TwoLayerWidth.width(positions(4), ints(0, 1, 4, 9))).isEqualTo(2);
        // secants -1, 3, 1: slopes a <= -1, 3, c <= 1 with c = 0 allowed: width = MB = 2
        assertThat(TwoLayerWidth.width(positions(4), ints(0, -1, 2, 3))).isEqualTo(2);
        // u u c u u: 3 = MB (the outer pieces have slope 0)
        assertThat(TwoLayerWidth.width(positions(5), ints(0, 0, 1, 0, 0))).isEqualTo(3);
    }

    @Test
    void widthEqualsAnIndependentBruteForceOnTinyData() {
        Property.forAll(mixed(1, 4)).named("O2 = brute force (K <= 4)")
                .check((data, ctx) -> {
                    TwoLayerWidth.Result res = TwoLayerWidth.solve(data.p(), data.v());
                    int brute = TwoLayerWidthBruteForce.width(data.p(), data.v());
                    ctx.label(res.needsExtraUnit() ? "MB + 1" : "MB");
                    if (res.width() != brute) throw new AssertionError("O2 " + res.width() + ", brute force " + brute + " (MB " + res.minimumBreakpoints() + ")");
                });
    }

    /** Five points: the brute force costs up to about 0.2 s per try here, so this one runs 40 tries (200 at K <= 4 above). */
    @Test
    void widthEqualsBruteForceOnFivePoints() {
        Property.forAll(mixed(5, 5)).named("O2 = brute force (K = 5)").tries(40)
                .check((data, ctx) -> {
                    TwoLayerWidth.Result res = TwoLayerWidth.solve(data.p(), data.v());
                    int brute = TwoLayerWidthBruteForce.width(data.p(), data.v());
                    ctx.label(res.needsExtraUnit() ? "MB + 1" : "MB");
                    if (res.width() != brute) throw new AssertionError("O2 " + res.width() + ", brute force " + brute + " (MB " + res.minimumBreakpoints() + ")");
                });
    }

    @Test
    void witnessFineTunesExactlyWithTheClaimedWidth() {
        Property.forAll(mixed(1, 9)).named("O2 witness")
                .check((data, ctx) -> {
                    TwoLayerWidth.Result res = TwoLayerWidth.solve(data.p(), data.v());
                    ctx.label(res.needsExtraUnit() ? "MB + 1" : "MB");
                    checkWitness(data.p(), data.v(), res);
                });
    }

    /** Least width K - 1 iff K <= 4 and zigzag; otherwise at most K - 2 (K >= 2). */
    @Test
    void zigzagCharacterisation() {
        Property.forAll(mixed(1, 8)).named("O2 zigzag characterisation")
                .check((data, ctx) -> {
                    int k = data.p().length;
                    int width = TwoLayerWidth.width(data.p(), data.v());
                    boolean zigzag = TwoLayerWidth.isZigzag(data.p(), data.v());
                    ctx.label((zigzag ? "zigzag" : "other") + (k <= 4 ? ", K <= 4" : ", K >= 5"));
                    boolean needsKMinusOne = zigzag && k <= 4;
                    if (needsKMinusOne && width != k - 1) throw new AssertionError("zigzag on " + k + " points, width " + width + " != K - 1");
                    if (!needsKMinusOne && width > k - 2) throw new AssertionError("width " + width + " > K - 2 = " + (k - 2) + " (zigzag " + zigzag + ")");
                });
    }

    /** The suite notices an oracle that always answers MB (a wrong width below the brute force). */
    @Test
    void answeringMbIsCaught() {
        var result = Property.forAll(mixed(1, 4)).named("O2 as MB (must fail)").seed(5L).quiet().noFailureFile().ignoreSystemProperties()
                .run((data, ctx) -> {
                    if (MinimumBreakpoints.count(data.p(), data.v()) != TwoLayerWidthBruteForce.width(data.p(), data.v())) {
                        throw new AssertionError("MB differs from the width");
                    }
                });
        assertThat(result.passed()).isFalse();
        assertThat(result.shrunk().orElseThrow().p().length).isLessThanOrEqualTo(3);
    }

    @Test
    void rampSumNetworkAgreesWithItsValues() {
        RampSum sum = new RampSum(java.util.List.of(new RampSum.Ramp(Rational.of(1), true, Rational.of(2)),
                new RampSum.Ramp(Rational.of(3), false, Rational.of(-1))), Rational.of(7));
        Network<Rational> g = sum.network(new Rational[] {Rational.of(2), Rational.of(-1)});
        // t = 2 x0 - x1; at x = (2, 1): t = 3: 7 + 2 * 2 + 0 = 11
        assertThat(g.evaluate(new Rational[] {Rational.of(2), Rational.of(1)})).isEqualTo(Rational.of(11));
        assertThat(sum.valueAt(Rational.of(3))).isEqualTo(Rational.of(11));
        assertThat(g.neurons()).isEqualTo(2);
        assertThat(RationalField.INSTANCE.relu(Rational.of(-1))).isEqualTo(Rational.ZERO);
    }
}
