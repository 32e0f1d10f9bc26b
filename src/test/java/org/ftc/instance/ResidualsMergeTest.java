package org.ftc.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ftc.arith.Rational;
import org.junit.jupiter.api.Test;

/**
 * How {@link Residuals} merges repeated samples, on hand-made instances with {@code f = 0}
 * (found by the manual mutation check, docs/mutation-check.md: the "changed" flag of a merged
 * point was not checked anywhere).
 */
class ResidualsMergeTest {
    private static Rational[] point(long v) {
        return new Rational[] {Rational.of(v)};
    }

    @Test
    void aLaterChangedDuplicateMarksTheMergedPointChanged() {
        // Samples 0 and 1 are both x = 3; sample 0 is untouched (keeps f = 0), sample 1 is "changed" to 0 = f(3):
        // the demands agree (residual 0), so they merge into one point that counts as changed. Sample 2 (x = 5)
        // is changed to 7: residual 7.
        Instance instance = Instance.withZeroPretrained(1, new Rational[][] {point(3), point(3), point(5)},
                Map.of(1, Rational.ZERO, 2, Rational.of(7)), 2);
        Residuals r = Residuals.of(instance);
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.members(0)).containsExactly(0, 1);
        assertThat(r.isChanged(0)).isTrue();
        assertThat(r.value(0)).isEqualTo(Rational.ZERO);
        assertThat(r.isChanged(1)).isTrue();
        assertThat(r.value(1)).isEqualTo(Rational.of(7));
        assertThat(r.activeCount()).isEqualTo(1);
        assertThat(r.changeCount()).isEqualTo(2);
    }

    @Test
    void untouchedDuplicatesStayUntouched() {
        Instance instance = Instance.withZeroPretrained(1, new Rational[][] {point(3), point(3)}, Map.of(), 2);
        Residuals r = Residuals.of(instance);
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.isChanged(0)).isFalse();
    }

    @Test
    void conflictingDuplicatesAreRefused() {
        // x = 3 untouched (needs g = 0) and x = 3 changed to 1 (needs g = 1): infeasible.
        Instance instance = Instance.withZeroPretrained(1, new Rational[][] {point(3), point(3)}, Map.of(1, Rational.ONE), 2);
        assertThatThrownBy(() -> Residuals.of(instance)).isInstanceOf(InfeasibleInstanceException.class)
                .hasMessageContaining("samples 0 and 1");
    }
}
