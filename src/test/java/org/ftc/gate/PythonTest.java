package org.ftc.gate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A missing interpreter skips the end-to-end gate tests on a developer's machine, and fails them on CI. */
class PythonTest {
    @Test
    void aMissingInterpreterFailsOnCi() {
        assertThatThrownBy(() -> Python.require("/nonexistent/python3", true)).isInstanceOf(AssertionError.class).hasMessageContaining("CI is set");
    }

    @Test
    void aMissingInterpreterSkipsElsewhere() {
        assertThatThrownBy(() -> Python.require("/nonexistent/python3", false)).isInstanceOf(TestAbortedException.class);
    }
}
