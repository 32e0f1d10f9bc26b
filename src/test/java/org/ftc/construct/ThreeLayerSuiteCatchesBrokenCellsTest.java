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
 * A test of the suite itself: the T3U property, run on constructions with a planted mistake, must
 * fail and shrink to a small instance.
 */
class ThreeLayerSuiteCatchesBrokenCellsTest {

    private static PropertyResult<GeneratedInstance> runWith(ThreeLayerCells.PlantedBug bug, long seed) {
        // A generous shrink budget, so a loaded machine still reaches the minimum; the shrinker stops
        // on its own when no pass makes progress, long before it.
        return Property.forAll(Instances.instances(3, 4, 60)).seed(seed).quiet().ignoreSystemProperties().noFailureFile()
                .shrinkBudget(java.time.Duration.ofSeconds(120)).printer(GeneratedInstance::toString)
                .run((gi, ctx) -> {
                    Instance inst = gi.instance();
                    Network<Rational> g = ThreeLayerCells.construct(RationalField.INSTANCE, Residuals.of(inst), inst.dimension(), bug);
                    FineTuneCheck.Report report = FineTuneCheck.check(inst, g);
                    assertThat(report.fineTuned()).as(report.describe(3)).isTrue();
                });
    }

    /**
     * A zone over a sample needs two cells (so at least two active points, M = 2 costs 3 + ... and
     * must win over M = 1), which the shrinker brings down to a handful of samples.
     */
    @Test
    void aTransitionZoneOverASampleIsCaughtAndShrunk() {
        for (long seed = 1; seed <= 3; seed++) {
            PropertyResult<GeneratedInstance> result = runWith(ThreeLayerCells.PlantedBug.ZONE_OVER_SAMPLE, seed);
            assertThat(result.passed()).as("seed " + seed + ": the planted bug must be found").isFalse();
            Instance shrunk = result.shrunk().orElseThrow().instance();
            assertThat(shrunk.sampleCount()).as("seed " + seed + ": shrunk to\n" + result.report()).isLessThanOrEqualTo(8);
        }
    }

    /** Ramps put on units regardless of their sign: caught, and shrunk to a few samples. */
    @Test
    void signsNotSharedConsistentlyAreCaughtAndShrunk() {
        for (long seed = 1; seed <= 3; seed++) {
            PropertyResult<GeneratedInstance> result = runWith(ThreeLayerCells.PlantedBug.SIGNS_IGNORED, seed);
            assertThat(result.passed()).as("seed " + seed + ": the planted bug must be found").isFalse();
            Instance shrunk = result.shrunk().orElseThrow().instance();
            assertThat(shrunk.sampleCount()).as("seed " + seed + ": shrunk to\n" + result.report()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void theCorrectConstructionPassesTheSameProperty() {
        assertThat(runWith(ThreeLayerCells.PlantedBug.NONE, 1).passed()).isTrue();
    }
}
