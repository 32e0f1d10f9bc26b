package org.ftc.construct;

import java.util.Map;
import java.util.TreeMap;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;

/**
 * The hard instance of T2L/T3L (THEORY section 4), private to the T3U tests until the bounds
 * branch's generator is on main: samples on the line {@code x0 + i v} in {@code Q^d} for
 * {@code i = 0..4N}, pattern {@code u u c (u u u c)^{N-1} u u}, every changed sample with a positive
 * residual ({@code f = 0}, labels {@code 1 + (i mod 3)}).
 */
public final class ThreeLayerHardInstance {
    private ThreeLayerHardInstance() {
    }

    public static Instance of(int n, int d) {
        if (n < 1) throw new IllegalArgumentException("N must be at least 1, got " + n);
        if (d < 1) throw new IllegalArgumentException("d must be at least 1, got " + d);
        int k = 4 * n + 1;
        Rational[][] x = new Rational[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) x[i][j] = Rational.of((long) (j + 1) * i - j, 1 + j % 3); // x0 + i v, v = ((j+1)/(1+j%3))_j
        }
        Map<Integer, Rational> changes = new TreeMap<>();
        for (int c = 0; c < n; c++) changes.put(2 + 4 * c, Rational.of(1 + c % 3));
        return Instance.withZeroPretrained(d, x, changes, 3).withId("hard-" + n);
    }
}
