package org.ftc.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.TwoLayerHats;
import org.ftc.gen.Hard;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Residuals;
import org.ftc.net.LineRestriction;
import org.ftc.net.Network;
import org.ftc.net.PiecewiseLinear;
import org.ftc.prop.Gen;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * T2L (and the data behind T3L): on the hard instances, embedded on a random line in {@code R^d}
 * over a random pre-trained {@code f}, MB equals the required count and T2U uses exactly that many
 * neurons, so {@code FTC_2 = 3N} from both sides. See proofs-notes/T2L-two-layer-lower.md.
 */
class HardInstancesPropertiesTest {

    static Gen<Hard.Case> hard(HardInstances.Variant variant) {
        return Hard.cases(variant, 2);
    }

    static void checkBothSides(Hard.Case h, org.ftc.prop.Context ctx) {
        long required = h.variant().requiredBreakpoints(h.n());
        Rational[] r = h.residuals();
        // lower side: every interpolant of the residuals along the line has >= MB breakpoints
        int mb = MinimumBreakpoints.count(h.t(), r);
        if (mb != required) throw new AssertionError("MB = " + mb + ", expected " + required);
        // upper side: T2U fine-tunes it exactly with that many neurons
        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, h.instance());
        FineTuneCheck.Report report = FineTuneCheck.check(h.instance(), g);
        if (!report.fineTuned()) throw new AssertionError("T2U failed: " + report.describe(5));
        if (g.neurons() != required) throw new AssertionError("T2U used " + g.neurons() + " neurons, expected " + required);
        if (TwoLayerHats.neuronCount(Residuals.of(h.instance())) != required) throw new AssertionError("T2U count formula disagrees");
        // and the chain of T2L: the T2U network on the line interpolates the residuals, so
        // MB <= breakpoints(g|line) <= m (LR2)
        PiecewiseLinear onLine = LineRestriction.restrict(g, h.x0(), h.v());
        for (int i = 0; i < r.length; i++) {
            if (onLine.valueAt(h.t()[i]).compareTo(r[i]) != 0) throw new AssertionError("g on the line misses sample " + i);
        }
        int bp = onLine.breakpoints().size();
        if (bp < mb || bp > g.neurons()) throw new AssertionError("MB " + mb + " <= " + bp + " <= m " + g.neurons() + " fails");
        ctx.label("N = " + h.n());
    }

    @Test
    void hardInstanceNeedsExactly3NFromBothSides() {
        Property.forAll(hard(HardInstances.Variant.THREE_N)).named("T2L: MB = T2U = 3N")
                .check(HardInstancesPropertiesTest::checkBothSides);
    }

    @Test
    void oneUntouchedBetweenChangedNeedsExactly2NPlusOne() {
        Property.forAll(hard(HardInstances.Variant.TWO_N_PLUS_ONE)).named("T2L variant: MB = T2U = 2N + 1")
                .check(HardInstancesPropertiesTest::checkBothSides);
    }

    @Test
    void alternatingSignsNeed3NAlreadyAtKEquals3NPlus2() {
        Property.forAll(hard(HardInstances.Variant.ALTERNATING)).named("T2L alternating: MB = T2U = 3N at K = 3N + 2")
                .check(HardInstancesPropertiesTest::checkBothSides);
    }

    @Test
    void patternsHaveTheStatedShape() {
        // by hand: N = 2, THREE_N: u u c u u u c u u (K = 4N + 1 = 9)
        assertThat(mask(HardInstances.pattern(2, HardInstances.Variant.THREE_N, 0, 0))).isEqualTo("uucuuucuu");
        assertThat(mask(HardInstances.pattern(3, HardInstances.Variant.TWO_N_PLUS_ONE, 1, 0))).isEqualTo("uuucucucuu");
        assertThat(mask(HardInstances.pattern(2, HardInstances.Variant.ALTERNATING, 0, 2))).isEqualTo("uucuucuuuu");
    }

    static String mask(boolean[] changed) {
        StringBuilder s = new StringBuilder();
        for (boolean c : changed) s.append(c ? 'c' : 'u');
        return s.toString();
    }
}
