package org.ftc.gen;

import java.util.Arrays;
import org.ftc.arith.Rational;

/** Generated sample points with the name of the family that made them (for coverage labels). */
public record SampleSet(String family, int dimension, Rational[][] points) {
    public int size() {
        return points.length;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(family).append(" d=").append(dimension).append(" K=").append(points.length);
        for (int i = 0; i < Math.min(points.length, 12); i++) s.append("\n  ").append(Arrays.toString(points[i]));
        return s.toString();
    }
}
