package org.ftc.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.construct.TwoLayerHats;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.gen.MlShaped;
import org.ftc.gen.Networks;
import org.ftc.gen.Numbers;
import org.ftc.net.Network;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/**
 * SETTING, "Where f is evaluated": {@link FineTuneCheck} evaluates {@code f} only at the changed
 * samples (and at failing untouched ones, for the message), yet its verdict, its failing samples
 * with their wanted and actual values, and its max error are those of the full evaluation of
 * {@code f + g} at every sample, computed here by the definition: {@link Network#evaluate} point by
 * point (no sweep, no skipping; {@code Rational} itself is checked against Apfloat elsewhere).
 */
class FineTuneCheckProperties {
    record Case(GeneratedInstance generated, Network<Rational> g, Tolerance tolerance) {
        @Override
        public String toString() {
            return generated + "\ng = " + g + ", tolerance " + tolerance;
        }
    }

    /** A network that passes (the construction), one that nearly passes (the construction plus a small random net), or a random one. */
    static Gen<Network<Rational>> networksFor(Instance inst) {
        int d = inst.dimension();
        Gen<Network<Rational>> random = Networks.networks(d, 2, 2, 4);
        Network<Rational> built = TwoLayerHats.construct(RationalField.INSTANCE, inst);
        return Gens.oneOf(Gens.constant(built), random, random.map(noise -> sum(built, noise)));
    }

    /** {@code a + b} as values: the test only needs some network that fails at a few samples. */
    private static Network<Rational> sum(Network<Rational> a, Network<Rational> b) {
        // The two-layer networks side by side: hidden units concatenated, output weights concatenated.
        var la = a.layer(0);
        var lb = b.layer(0);
        int m = la.width() + lb.width();
        Rational[][] w1 = new Rational[m][];
        Rational[] b1 = new Rational[m];
        Rational[][] w2 = new Rational[1][m];
        for (int i = 0; i < la.width(); i++) {
            w1[i] = la.row(i);
            b1[i] = la.bias(i);
            w2[0][i] = a.layer(1).weight(0, i);
        }
        for (int i = 0; i < lb.width(); i++) {
            w1[la.width() + i] = lb.row(i);
            b1[la.width() + i] = lb.bias(i);
            w2[0][la.width() + i] = b.layer(1).weight(0, i);
        }
        Rational[] b2 = {a.layer(1).bias(0).add(b.layer(1).bias(0))};
        return new Network<>(RationalField.INSTANCE, a.inputDimension(), List.of(
                new org.ftc.net.Layer<>(RationalField.INSTANCE, a.inputDimension(), w1, b1),
                new org.ftc.net.Layer<>(RationalField.INSTANCE, m, w2, b2)));
    }

    @Test
    void verdictEqualsFullEvaluation() {
        Gen<GeneratedInstance> instances = Gens.oneOf(Instances.instances(2, 3, 12), MlShaped.instances(2, 12));
        // Exact, absolute only, and absolute + relative (numpy's allclose rule, where the relative
        // part at an untouched sample needs f(x), which the fast path evaluates only when |g| > atol).
        Gen<Rational> sizes = Numbers.weights().map(Rational::abs);
        Gen<Tolerance> tolerances = Gens.oneOf(Gens.constant(Tolerance.EXACT), sizes.map(Tolerance::absolute),
                Gens.zip(Gens.oneOf(Gens.constant(Rational.ZERO), sizes), sizes, Tolerance::new));
        Property.forAll(instances.flatMap(gi -> Gens.zip(networksFor(gi.instance()), tolerances, (g, tol) -> new Case(gi, g, tol))))
                .check((c, ctx) -> {
                    Instance inst = c.generated().instance();
                    FineTuneCheck.Report got = FineTuneCheck.check(inst, c.g(), c.tolerance());
                    // The full evaluation, by the definition: f and g at every sample.
                    List<FineTuneCheck.SampleFailure> want = new ArrayList<>();
                    Rational maxError = Rational.ZERO;
                    for (int i = 0; i < inst.sampleCount(); i++) {
                        Rational[] x = inst.sample(i);
                        Rational fx = inst.pretrained().evaluate(x);
                        Rational actual = fx.add(c.g().evaluate(x));
                        Rational label = inst.changes().get(i);
                        Rational wanted = label == null ? fx : label;
                        Rational error = actual.subtract(wanted).abs();
                        maxError = maxError.max(error);
                        Rational allowed = c.tolerance().absolute().add(c.tolerance().relative().multiply(wanted.abs()));
                        if (error.compareTo(allowed) > 0) want.add(new FineTuneCheck.SampleFailure(i, label != null, wanted, actual));
                    }
                    assertThat(got.failures()).containsExactlyElementsOf(want);
                    assertThat(got.maxError()).isEqualTo(maxError);
                    assertThat(got.fineTuned()).isEqualTo(want.isEmpty());
                    ctx.classify(!want.isEmpty(), "fails somewhere");
                    ctx.classify(want.stream().anyMatch(w -> !w.changed()), "an untouched sample fails");
                    ctx.classify(want.stream().anyMatch(FineTuneCheck.SampleFailure::changed), "a changed sample fails");
                    ctx.classify(c.tolerance().relative().signum() > 0, "relative tolerance");
                });
    }
}
