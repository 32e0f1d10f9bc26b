package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CoverageJudgementTest {
    @Test
    void theUpperBoundOfNoOccurrenceIsZSquaredOverNPlusZSquared() {
        // Wilson with phat = 0: (z^2 / 2n + z / 2n * z) / (1 + z^2 / n) = z^2 / (n + z^2).
        for (int n : new int[] {100, 200, 5000}) {
            assertThat(CoverageJudgement.upperBound(0, n)).as("n " + n).isCloseTo(25.0 / (n + 25), within(1e-12));
        }
        assertThat(CoverageJudgement.upperBound(200, 200)).isEqualTo(1.0);
    }

    @Test
    void theUpperBoundLiesAboveTheObservedRateAndNarrowsWithMoreTries() {
        for (int n : new int[] {100, 400, 1600}) {
            for (int count = 0; count <= n; count += n / 20) {
                assertThat(CoverageJudgement.upperBound(count, n)).isGreaterThanOrEqualTo((double) count / n);
            }
        }
        // 20% observed: about 45% allowed at 100 tries, 28% at 800, 23% at 6400.
        assertThat(CoverageJudgement.upperBound(20, 100)).isBetween(0.44, 0.46);
        assertThat(CoverageJudgement.upperBound(160, 800)).isBetween(0.27, 0.29);
        assertThat(CoverageJudgement.upperBound(1280, 6400)).isBetween(0.22, 0.24);
    }

    @Test
    void decisionsAndTheCapThatLetsANeverSeenLabelFailEveryPositiveRequirement() {
        assertThat(CoverageJudgement.decide(60, 200, 30)).isEqualTo(CoverageJudgement.Decision.MET);
        assertThat(CoverageJudgement.decide(58, 200, 30)).isEqualTo(CoverageJudgement.Decision.UNDECIDED);
        assertThat(CoverageJudgement.decide(10, 200, 30)).isEqualTo(CoverageJudgement.Decision.SIGNIFICANTLY_BELOW);
        assertThat(CoverageJudgement.cap(200, 30)).isEqualTo(2000);
        for (double p : new double[] {0.1, 1, 2, 3, 10, 50}) {
            int cap = CoverageJudgement.cap(200, p);
            assertThat(CoverageJudgement.decide(0, cap, p)).as(p + "%").isEqualTo(CoverageJudgement.Decision.SIGNIFICANTLY_BELOW);
        }
    }
}
