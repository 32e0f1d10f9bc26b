package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;

import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.gen.GeneratedInstance;
import org.ftc.gen.Instances;
import org.ftc.instance.FineTuneCheck;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Network;
import org.ftc.prop.Property;
import org.ftc.prop.PropertyResult;
import org.junit.jupiter.api.Test;

/**
 * A test of the suite itself: the T2U property, run on a construction with a planted mistake (a hat
 * whose left ramp uses the wrong neighbour), must fail and shrink to an instance of at most 3 samples.
 * Three is the least possible: the mistake needs two samples left of a changed one.
 */
class SuiteCatchesBrokenHatsTest {
    @Test
    void wrongNeighbourIsCaughtAndShrunkToThreeSamples() {
        for (long seed = 1; seed <= 3; seed++) {
            // Each seed is an independent search: no stored failure, and a shrink budget generous
            // enough that a loaded machine still reaches the minimum (it stops early when stuck).
            PropertyResult<GeneratedInstance> result = Property.forAll(Instances.instances(2)).seed(seed).quiet()
                    .ignoreSystemProperties().noFailureFile().shrinkBudget(java.time.Duration.ofSeconds(60))
                    .printer(GeneratedInstance::toString)
                    .run((gi, ctx) -> {
                        Instance inst = gi.instance();
                        Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, Residuals.of(inst), inst.dimension(),
                                TwoLayerHats.PlantedBug.WRONG_LEFT_NEIGHBOUR);
                        FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
                        assertThat(report.fineTuned()).as(report.describe(3)).isTrue();
                    });
            assertThat(result.passed()).as("seed " + seed + ": the planted bug must be found").isFalse();
            Instance shrunk = result.shrunk().orElseThrow().instance();
            assertThat(shrunk.sampleCount()).as("seed " + seed + ": shrunk to\n" + result.report()).isLessThanOrEqualTo(3);
            // one sample whose label differs from f: the shortest form may change the others to
            // the value f already has (the affine-residual mode changes every sample in a few choices)
            long moved = shrunk.changes().entrySet().stream()
                    .filter(e -> e.getValue().compareTo(shrunk.pretrained().evaluate(shrunk.sample(e.getKey()))) != 0).count();
            assertThat(moved).as("seed " + seed + ": samples whose label differs from f in\n" + result.report()).isEqualTo(1);
        }
    }

    @Test
    void theCorrectConstructionPassesTheSameProperty() {
        PropertyResult<GeneratedInstance> result = Property.forAll(Instances.instances(2)).seed(1).quiet().noFailureFile()
                .run((gi, ctx) -> {
                    Instance inst = gi.instance();
                    Network<Rational> g = TwoLayerHats.construct(RationalField.INSTANCE, Residuals.of(inst), inst.dimension(),
                            TwoLayerHats.PlantedBug.NONE);
                    assertThat(FineTuneCheck.check(inst, g).fineTuned()).isTrue();
                });
        assertThat(result.passed()).isTrue();
    }
}
