package org.ftc.conformance;

import org.ftc.instance.Instance;

/** A JVM implementation of the constructions: one answer per instance. An exception is judged as a crash. */
@FunctionalInterface
public interface Construction {
    Answer construct(Instance instance) throws Exception;
}
