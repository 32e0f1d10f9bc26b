package org.ftc.prop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which candidates repeat a recorded replay: clamped to each choice's maximum, zero past the end, extra values ignored. */
class ReplayTreeTest {
    @Test
    void aCandidateIsKnownWhenItsClampedZeroExtendedValuesFollowARecordedRun() {
        ReplayTree t = new ReplayTree();
        // a run that asked three choices: max 1, max 100, max 1; answered 1, 7, 0
        t.add(new long[] {1, 7, 0}, new long[] {1, 100, 1});
        assertThat(t.known(new long[] {1, 7, 0})).isTrue();
        assertThat(t.known(new long[] {1, 7})).isTrue(); // the missing last choice reads 0
        assertThat(t.known(new long[] {5, 7, 0})).isTrue(); // 5 is clamped to the maximum 1
        assertThat(t.known(new long[] {1, 7, 0, 9, 9})).isTrue(); // values after the run's end are never read
        assertThat(t.known(new long[] {1, 6, 0})).isFalse();
        assertThat(t.known(new long[] {1, 7, 1})).isFalse();
        assertThat(t.known(new long[] {0})).isFalse();
    }

    @Test
    void runsThatShareAPrefixAreBothKnown() {
        ReplayTree t = new ReplayTree();
        t.add(new long[] {1, 3, 0}, new long[] {1, 10, 1});
        t.add(new long[] {1, 4, 1, 2, 0}, new long[] {1, 10, 1, 10, 1});
        t.add(new long[] {0}, new long[] {1});
        assertThat(t.known(new long[] {1, 3})).isTrue();
        assertThat(t.known(new long[] {1, 4, 1, 2})).isTrue();
        assertThat(t.known(new long[] {})).isTrue();
        assertThat(t.known(new long[] {1, 4, 1, 3})).isFalse();
        assertThat(t.known(new long[] {1, 4})).isFalse();
    }
}
