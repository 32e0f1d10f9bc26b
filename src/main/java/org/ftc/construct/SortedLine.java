package org.ftc.construct;

import java.util.Arrays;
import org.ftc.arith.Rational;
import org.ftc.instance.Residuals;

/**
 * The distinct points of an instance in projected order, exactly: {@code t_0 < ... < t_{K-1}}
 * ({@code t = u . x}, {@link Projection}), the residual {@code v_j} at each ({@code r} on a changed
 * sample, 0 elsewhere), and which samples are <em>active</em> ({@code v_j != 0}). Both 3-layer
 * constructions (T3U, T3C) start from it; it never looks at {@code K} beyond sorting.
 */
final class SortedLine {
    final Projection projection;
    final int k;
    final Rational[] t;
    final Rational[] v;
    final boolean[] active;
    /** Sorted positions of the active points. */
    final int[] activeIndex;

    private SortedLine(Residuals residuals) {
        this.projection = Projection.find(residuals.pointsView());
        int[] order = projection.order();
        this.k = order.length;
        this.t = new Rational[k];
        this.v = new Rational[k];
        this.active = new boolean[k];
        int a = 0;
        for (int j = 0; j < k; j++) {
            t[j] = projection.t()[order[j]];
            v[j] = residuals.value(order[j]);
            active[j] = !v[j].isZero();
            if (active[j]) a++;
        }
        activeIndex = new int[a];
        a = 0;
        for (int j = 0; j < k; j++) if (active[j]) activeIndex[a++] = j;
    }

    static SortedLine of(Residuals residuals) {
        return new SortedLine(residuals);
    }

    int activeCount() {
        return activeIndex.length;
    }

    /** The number of active points among sorted positions {@code a..b} (inclusive). */
    int activeBetween(int a, int b) {
        int lo = Arrays.binarySearch(activeIndex, a);
        if (lo < 0) lo = -lo - 1;
        int hi = Arrays.binarySearch(activeIndex, b);
        hi = hi < 0 ? -hi - 1 : hi + 1;
        return hi - lo;
    }
}
