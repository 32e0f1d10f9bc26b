package org.ftc.conformance;

import org.ftc.gate.Verdict;
import org.ftc.instance.Instance;

/** One instance on which the implementation's answer is not {@code pass}: the verdict, and the instance's size. */
public final class ConformanceFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient Verdict verdict;

    ConformanceFailure(Instance instance, Verdict verdict) {
        super(verdict.kind().label() + " on an instance of K = " + instance.sampleCount() + " samples (N = " + instance.changeCount()
                + ", d = " + instance.dimension() + ", depth " + instance.depth() + "): " + verdict.describe(10));
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }

    public Verdict.Kind kind() {
        return verdict.kind();
    }
}
