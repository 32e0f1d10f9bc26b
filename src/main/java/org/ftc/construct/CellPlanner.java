package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses the cells of T3U: the number of cells {@code M} and the cuts, minimising
 * {@code 2M - 1 + max_c P_c + max_c Q_c} with the cell formula of {@link CellTargets}.
 *
 * <p>For every {@code M} the active points are split into {@code M} consecutive groups of sizes
 * {@code floor} / {@code ceil} of {@code A/M} (larger groups first, or last), and each cut is placed,
 * by an exact small dynamic programme, right after the last active point of its left group, right
 * before the first active point of its right group, or between them; every such plan is within
 * {@code 2M - 1 + 4 ceil(A/M)} (proofs-notes/T3U-cells.md, step 5). {@code CellPlannerBruteForceTest}
 * checks the programme and the choice of {@code M} against exhaustive search on small lines.
 */
final class CellPlanner {
    private CellPlanner() {
    }

    /** The plan with the smallest total over every {@code M} (the empty plan when no point is active). */
    static CellPlan bestPlan(CellTargets targets) {
        int a = targets.line.activeCount();
        if (a == 0) return CellPlan.empty();
        CellPlan best = null;
        for (int m = 1; m <= a; m++) {
            // m2 >= 1, so no M with 2M - 1 + 1 > best can win.
            if (best != null && 2 * m > best.neurons()) break;
            CellPlan p = planWithCells(targets, m);
            if (best == null || p.neurons() < best.neurons()) best = p;
        }
        return best;
    }

    /** The best plan with exactly {@code m} cells, {@code 1 <= m <= A}. */
    static CellPlan planWithCells(CellTargets targets, int m) {
        int a = targets.line.activeCount();
        if (a == 0) {
            if (m != 0) throw new IllegalArgumentException("no active point: the only plan has 0 cells, asked for " + m);
            return CellPlan.empty();
        }
        if (m < 1 || m > a) throw new IllegalArgumentException("M must be in 1.." + a + " (active points), got " + m);
        CellPlan largerFirst = bestCuts(targets, balancedGroups(a, m, true));
        CellPlan largerLast = bestCuts(targets, balancedGroups(a, m, false));
        return largerLast.neurons() < largerFirst.neurons() ? largerLast : largerFirst;
    }

    /** Start index (into the active points) of each of {@code m} groups of sizes floor/ceil of {@code a/m}. */
    static int[] balancedGroups(int a, int m, boolean largerFirst) {
        int q = a / m, r = a % m;
        int[] start = new int[m + 1];
        for (int g = 0; g < m; g++) {
            boolean large = largerFirst ? g < r : g >= m - r;
            start[g + 1] = start[g] + q + (large ? 1 : 0);
        }
        return start;
    }

    /**
     * For fixed groups, where each cut goes. The cut between groups {@code g} and {@code g+1} lies
     * after the sample {@code j} for {@code j} in {@code {x, y - 1, x + 1}} ({@code x} the last active
     * point of group {@code g}, {@code y} the first of group {@code g+1}): the left cell ends on an
     * active point, the right cell starts on one, or neither (other positions give the same cells'
     * functions as one of these). The objective {@code max P + max Q} is minimised exactly: for each
     * candidate bound on {@code max P}, a dynamic programme over the cuts minimises {@code max Q}.
     */
    static CellPlan bestCuts(CellTargets targets, int[] groupStart) {
        SortedLine line = targets.line;
        int m = groupStart.length - 1;
        int[] act = line.activeIndex;
        int[][] options = new int[Math.max(m - 1, 0)][];
        for (int g = 0; g + 1 < m; g++) {
            int x = act[groupStart[g + 1] - 1], y = act[groupStart[g + 1]];
            List<Integer> o = new ArrayList<>(3);
            o.add(x);
            if (y - 1 != x) o.add(y - 1);
            if (y - x >= 3) o.add(x + 1);
            options[g] = o.stream().mapToInt(Integer::intValue).toArray();
        }
        // cost[g][i][j]: cell g with left cut option i and right cut option j.
        int[][][][] cost = new int[m][][][];
        TreeSet<Integer> pValues = new TreeSet<>();
        for (int g = 0; g < m; g++) {
            int li = g == 0 ? 1 : options[g - 1].length;
            int ri = g == m - 1 ? 1 : options[g].length;
            cost[g] = new int[li][ri][];
            for (int i = 0; i < li; i++) {
                for (int j = 0; j < ri; j++) {
                    int first = g == 0 ? 0 : options[g - 1][i] + 1;
                    int last = g == m - 1 ? line.k - 1 : options[g][j];
                    cost[g][i][j] = targets.cost(first, last);
                    pValues.add(cost[g][i][j][0]);
                }
            }
        }
        int bestTotal = Integer.MAX_VALUE;
        int[] bestChoice = null;
        for (int pBound : pValues) {
            if (pBound >= bestTotal) break;
            int[] choice = minimiseMaxQ(cost, options, m, pBound);
            if (choice == null) continue;
            int total = totalOf(cost, choice, m);
            if (total < bestTotal) {
                bestTotal = total;
                bestChoice = choice;
            }
        }
        if (bestChoice == null) throw new IllegalStateException("no cut choice: a bug");
        List<Cell> cells = new ArrayList<>(m);
        for (int g = 0; g < m; g++) {
            int i = g == 0 ? 0 : bestChoice[g - 1];
            int j = g == m - 1 ? 0 : bestChoice[g];
            int first = g == 0 ? 0 : options[g - 1][i] + 1;
            int last = g == m - 1 ? line.k - 1 : options[g][j];
            int[] pq = cost[g][i][j];
            cells.add(new Cell(first, last, line.activeBetween(first, last), pq[0], pq[1]));
        }
        return new CellPlan(cells);
    }

    private static int totalOf(int[][][][] cost, int[] choice, int m) {
        int p = 0, q = 0;
        for (int g = 0; g < m; g++) {
            int[] pq = cost[g][g == 0 ? 0 : choice[g - 1]][g == m - 1 ? 0 : choice[g]];
            p = Math.max(p, pq[0]);
            q = Math.max(q, pq[1]);
        }
        return p + q;
    }

    /** Option per cut minimising {@code max Q} subject to every {@code P <= pBound}; null if none. */
    private static int[] minimiseMaxQ(int[][][][] cost, int[][] options, int m, int pBound) {
        final int inf = Integer.MAX_VALUE;
        if (m == 1) return cost[0][0][0][0] <= pBound ? new int[0] : null;
        int[][] back = new int[m - 1][];
        int[] dp = new int[options[0].length];
        for (int j = 0; j < dp.length; j++) {
            int[] pq = cost[0][0][j];
            dp[j] = pq[0] <= pBound ? pq[1] : inf;
        }
        for (int g = 1; g < m - 1; g++) {
            int[] next = new int[options[g].length];
            back[g] = new int[next.length];
            for (int j = 0; j < next.length; j++) {
                next[j] = inf;
                for (int i = 0; i < dp.length; i++) {
                    if (dp[i] == inf) continue;
                    int[] pq = cost[g][i][j];
                    if (pq[0] > pBound) continue;
                    int val = Math.max(dp[i], pq[1]);
                    if (val < next[j]) {
                        next[j] = val;
                        back[g][j] = i;
                    }
                }
            }
            dp = next;
        }
        int bestVal = inf, bestI = -1;
        for (int i = 0; i < dp.length; i++) {
            if (dp[i] == inf) continue;
            int[] pq = cost[m - 1][i][0];
            if (pq[0] > pBound) continue;
            int val = Math.max(dp[i], pq[1]);
            if (val < bestVal) {
                bestVal = val;
                bestI = i;
            }
        }
        if (bestI < 0) return null;
        int[] choice = new int[m - 1];
        choice[m - 2] = bestI;
        for (int g = m - 2; g >= 1; g--) choice[g - 1] = back[g][choice[g]];
        return choice;
    }
}
