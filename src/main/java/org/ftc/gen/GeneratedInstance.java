package org.ftc.gen;

import org.ftc.instance.Instance;

/** A generated instance and the sample family it came from (for coverage labels). */
public record GeneratedInstance(Instance instance, String family) {
    @Override
    public String toString() {
        return "[" + family + "] " + instance;
    }
}
