package org.ftc.construct;

import org.ftc.arith.Rational;

/**
 * The cell targets {@code G_c} of T3U on a {@link SortedLine}, exactly: for a cell of sorted samples
 * {@code [a, b]}, {@code G_c} is the continuous piecewise-linear function through every active point
 * (value {@code r}) and the inactive neighbours of active points inside the cell (value 0), zero on
 * stretches between two inactive samples, and extended linearly beyond an active end sample. This
 * class gives its knots, slopes and slope jumps, and the cell formula {@code (P_c, Q_c)}: how many
 * second-layer units with output weight {@code +1} and {@code -1} the cell needs
 * (proofs-notes/T3U-cells.md, steps 4 and 5).
 */
final class CellTargets {
    final SortedLine line;
    private final Rational[] seg; // slope of (t_j, t_{j+1}), lazily
    private final int[] posPrefix; // # j' < j with whole-line jump > 0
    private final int[] negPrefix;
    private final int[] pairPrefix; // # j' < j with j', j'+1 both inactive

    CellTargets(SortedLine line) {
        this.line = line;
        int k = line.k;
        seg = new Rational[Math.max(k - 1, 0)];
        posPrefix = new int[k + 1];
        negPrefix = new int[k + 1];
        pairPrefix = new int[k + 1];
        for (int j = 0; j < k; j++) {
            int s = knot(j, 0, k - 1) ? jump(j, 0, k - 1).signum() : 0;
            posPrefix[j + 1] = posPrefix[j] + (s > 0 ? 1 : 0);
            negPrefix[j + 1] = negPrefix[j] + (s < 0 ? 1 : 0);
            boolean pair = j + 1 < k && !line.active[j] && !line.active[j + 1];
            pairPrefix[j + 1] = pairPrefix[j] + (pair ? 1 : 0);
        }
    }

    Rational seg(int j) {
        if (!line.active[j] && !line.active[j + 1]) return Rational.ZERO;
        Rational s = seg[j];
        if (s == null) {
            s = line.v[j + 1].subtract(line.v[j]).divide(line.t[j + 1].subtract(line.t[j]));
            seg[j] = s;
        }
        return s;
    }

    /** Whether sorted sample {@code j} is a knot of {@code G_c} for the cell {@code [a, b]}. */
    boolean knot(int j, int a, int b) {
        boolean[] active = line.active;
        return active[j] || (j > a && active[j - 1]) || (j < b && active[j + 1]);
    }

    /** Slope of {@code G_c} just right of knot {@code j}. */
    Rational slopeRight(int j, int a, int b) {
        if (j < b) return knot(j + 1, a, b) ? seg(j) : Rational.ZERO;
        if (!line.active[b] || a == b) return Rational.ZERO;
        return seg(b - 1); // extended linearly beyond an active last sample
    }

    /** Slope of {@code G_c} just left of knot {@code j}. */
    Rational slopeLeft(int j, int a, int b) {
        if (j > a) return knot(j - 1, a, b) ? seg(j - 1) : Rational.ZERO;
        if (!line.active[a] || a == b) return Rational.ZERO;
        return seg(a); // extended linearly before an active first sample
    }

    Rational jump(int j, int a, int b) {
        return slopeRight(j, a, b).subtract(slopeLeft(j, a, b));
    }

    int jumpSign(int j, int a, int b) {
        return knot(j, a, b) ? jump(j, a, b).signum() : 0;
    }

    /**
     * Case E of the note: {@code G_c} has no zero stretch (both end samples active and no two
     * consecutive inactive samples), so its leftmost line is not zero and needs its own unit(s).
     */
    boolean needsLine(int a, int b) {
        return line.active[a] && line.active[b] && pairPrefix[b] - pairPrefix[a] == 0;
    }

    /** Signs needed by the leftmost line on {@code [t_a, t_b]}: +1, -1, or 2 for both. */
    int lineUnits(int a, int b) {
        Rational la = line.v[a];
        Rational lb = line.v[a].add(slopeLeft(a, a, b).multiply(line.t[b].subtract(line.t[a])));
        if (la.signum() >= 0 && lb.signum() >= 0) return 1;
        if (la.signum() <= 0 && lb.signum() <= 0) return -1;
        return 2;
    }

    /**
     * The cell formula: {@code (P_c, Q_c)} for the cell {@code [a, b]}. Inside {@code [a+2, b-2]} a
     * knot's jump depends only on samples {@code j-2..j+2}, all in the cell, so it equals the jump of
     * the whole-line function and is read from prefix sums; the (at most four) samples near the ends
     * are evaluated directly.
     */
    int[] cost(int a, int b) {
        int pos = 0, neg = 0;
        if (b - a < 5) {
            for (int j = a; j <= b; j++) {
                int s = jumpSign(j, a, b);
                if (s > 0) pos++;
                else if (s < 0) neg++;
            }
        } else {
            pos = posPrefix[b - 1] - posPrefix[a + 2];
            neg = negPrefix[b - 1] - negPrefix[a + 2];
            for (int j : new int[] {a, a + 1, b - 1, b}) {
                int s = jumpSign(j, a, b);
                if (s > 0) pos++;
                else if (s < 0) neg++;
            }
        }
        if (needsLine(a, b)) {
            int units = lineUnits(a, b);
            if (units == 1) pos++;
            else if (units == -1) neg++;
            else {
                pos++;
                neg++;
            }
        }
        return new int[] {pos, neg};
    }
}
