package org.ftc.bounds;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.construct.RampSum;

/**
 * Exhaustive exact search for a 2-layer 1-D network with at most {@code m} hidden units through data
 * {@code p_0 < ... < p_n}, {@code v_i} (the decision step of O2). See
 * proofs-notes/O2-two-layer-width.md.
 *
 * <p>Model. A width-{@code m} network is {@code c + sum_R w relu(t - q) + sum_L w relu(q - t)}. Its
 * derivative is {@code r + l}: {@code r} is a step function that is 0 far left and jumps by
 * {@code w} at each right-facing unit, {@code l} is 0 far right and jumps by {@code w} at each
 * left-facing unit. Sort the units; between consecutive units the derivative is constant on a
 * <em>piece</em>. Units outside {@code [p_0, p_n]} act on the data like units at the nearest end, so
 * every unit is placed in a closed interval {@code [p_i, p_{i+1}]}. The net interpolates the data iff
 * on every interval the derivative averages the secant {@code s_i}, i.e. iff {@code s_i} lies in the
 * closed hull of the slopes of the pieces meeting that interval (the piece lengths inside the
 * interval are then chosen to hit the average exactly).
 *
 * <p>Search. For every interval in turn: how many units it holds, the facing of each, and which of
 * its pieces has slope {@code <= s_i} and which {@code >= s_i}. With unknowns {@code r} (one per
 * value of {@code r}) and {@code L = -l} (one per value of {@code l}), a piece's slope is
 * {@code r - L}, so every condition is a difference constraint; {@code r} starts at the reference
 * node 0 and the last {@code L} is tied to it. Branches whose constraints are already infeasible
 * are cut. Exponential in the worst case; meant for data of up to about a dozen points.
 */
final class RampLayoutSearch {
    private final Rational[] p;
    private final Rational[] s;
    private final int budget;
    private final DifferenceConstraints system = new DifferenceConstraints();
    /** Per unit, in order: its interval and facing; per piece: its r and L nodes. */
    private final List<Integer> unitInterval = new ArrayList<>();
    private final List<Boolean> unitFacesRight = new ArrayList<>();
    private final List<int[]> pieceNodes = new ArrayList<>();
    /** Per interval: index of its first piece, and the pieces chosen as below/above the secant. */
    private final int[] firstPiece, below, above;
    private long nodesVisited;

    private RampLayoutSearch(Rational[] p, Rational[] s, int budget) {
        this.p = p;
        this.s = s;
        this.budget = budget;
        int n = s.length;
        firstPiece = new int[n];
        below = new int[n];
        above = new int[n];
    }

    /** A network with at most {@code m} units through the data, or null when there is none. */
    static RampSum find(Rational[] p, Rational[] v, int m) {
        int n = p.length - 1;
        if (n == 0) return RampSum.through(List.of(), p[0], v[0]);
        Rational[] s = new Rational[n];
        for (int i = 0; i < n; i++) s[i] = v[i + 1].subtract(v[i]).divide(p[i + 1].subtract(p[i]));
        RampLayoutSearch search = new RampLayoutSearch(p, s, m);
        int l0 = search.system.newNode();
        search.pieceNodes.add(new int[] {0, l0}); // r starts at 0; L starts free
        if (!search.interval(0)) return null;
        return search.build(v);
    }

    private boolean interval(int i) {
        nodesVisited++;
        if (i == s.length) {
            int[] last = pieceNodes.get(pieceNodes.size() - 1);
            int mark = system.size();
            system.atMost(last[1], 0, Rational.ZERO); // l = 0 far right: the last L is the reference
            system.atMost(0, last[1], Rational.ZERO);
            if (system.feasible()) return true;
            system.truncate(mark);
            return false;
        }
        int remaining = budget - unitInterval.size();
        int first = pieceNodes.size() - 1;
        firstPiece[i] = first;
        for (int k = 0; k <= remaining; k++) {
            for (int facing = 0; facing < (1 << k); facing++) {
                int mark = system.size(), nodeMark = system.nodeCount();
                for (int j = 0; j < k; j++) {
                    int[] prev = pieceNodes.get(pieceNodes.size() - 1);
                    boolean right = (facing >> j & 1) == 1;
                    int node = system.newNode();
                    pieceNodes.add(right ? new int[] {node, prev[1]} : new int[] {prev[0], node});
                    unitInterval.add(i);
                    unitFacesRight.add(right);
                }
                for (int lo = first; lo <= first + k; lo++) {
                    for (int hi = first; hi <= first + k; hi++) {
                        int inner = system.size();
                        int[] a = pieceNodes.get(lo), b = pieceNodes.get(hi);
                        system.atMost(a[0], a[1], s[i]); // r - L <= s_i on piece lo
                        system.atMost(b[1], b[0], s[i].negate()); // r - L >= s_i on piece hi
                        if (system.feasible()) {
                            below[i] = lo;
                            above[i] = hi;
                            if (interval(i + 1)) return true;
                        }
                        system.truncate(inner);
                    }
                }
                system.truncate(mark);
                system.truncateNodes(nodeMark);
                for (int j = 0; j < k; j++) {
                    pieceNodes.remove(pieceNodes.size() - 1);
                    unitInterval.remove(unitInterval.size() - 1);
                    unitFacesRight.remove(unitFacesRight.size() - 1);
                }
            }
        }
        return false;
    }

    /** Concrete slopes from the constraint solution, piece lengths from the chosen pieces, then the ramps. */
    private RampSum build(Rational[] v) {
        Rational[] x = system.solution();
        int pieces = pieceNodes.size();
        Rational[] slope = new Rational[pieces];
        for (int t = 0; t < pieces; t++) slope[t] = x[pieceNodes.get(t)[0]].subtract(x[pieceNodes.get(t)[1]]);
        List<RampSum.Ramp> ramps = new ArrayList<>();
        int unit = 0;
        for (int i = 0; i < s.length; i++) {
            int first = firstPiece[i];
            int k = 0;
            while (unit + k < unitInterval.size() && unitInterval.get(unit + k) == i) k++;
            Rational[] share = new Rational[k + 1];
            for (int t = 0; t <= k; t++) share[t] = Rational.ZERO;
            int lo = below[i] - first, hi = above[i] - first;
            Rational a = slope[below[i]], b = slope[above[i]];
            if (a.compareTo(s[i]) == 0) share[lo] = Rational.ONE;
            else if (b.compareTo(s[i]) == 0) share[hi] = Rational.ONE;
            else {
                Rational mu = s[i].subtract(a).divide(b.subtract(a)); // in (0, 1): a < s_i < b
                share[hi] = mu;
                share[lo] = Rational.ONE.subtract(mu);
            }
            Rational length = p[i + 1].subtract(p[i]);
            Rational at = p[i];
            for (int j = 0; j < k; j++) {
                at = at.add(share[j].multiply(length));
                Rational jump = slope[first + j + 1].subtract(slope[first + j]);
                ramps.add(new RampSum.Ramp(at, unitFacesRight.get(unit + j), jump));
            }
            unit += k;
        }
        return RampSum.through(ramps, p[0], v[0]).withoutZeroRamps();
    }
}
