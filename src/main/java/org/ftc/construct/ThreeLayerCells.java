package org.ftc.construct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * T3U: a 3-layer {@code g} with {@code m1 = 2M - 1} and {@code m2 <= 4 ceil(N/M)} (proofs-notes/T3U-cells.md,
 * "cells"), written once over {@link Field}. proofs-notes/T3U-cells.md has the proof.
 *
 * <p>Project the distinct points to {@code t = u . x} and sort. Cut the sorted samples into {@code M}
 * cells of consecutive samples. Each cut lies in a gap {@code (t_j, t_{j+1})}; its transition zone is
 * the middle third {@code [alpha, beta]} of the gap, so it holds no sample. The first layer has
 * {@code relu(t - t_min + 1)} (equal to {@code t - t_min + 1} on every sample) and
 * {@code relu(t - alpha), relu(t - beta)} per cut; with them each second-layer unit gets its own affine
 * pre-activation {@code A_c t + B_c} on every cell {@code c}, chosen freely per cell.
 *
 * <p>In cell {@code c} the target is the continuous piecewise-linear {@code G_c}: through every active
 * point (value {@code r}) and the inactive sorted neighbours of active points inside the cell (value
 * 0); zero on stretches between two inactive samples; and, where an active sample is the cell's first
 * (last) sample, extended linearly beyond it instead of being brought back to zero, because the cell
 * holds nothing there to keep at zero. Every slope jump {@code delta} of {@code G_c} is one ramp
 * {@code sign(delta) relu(|delta| (t - p))} (or facing left, {@code relu(|delta| (p - t))}, for
 * jumps left of a zero stretch); a cell with no zero stretch also needs its leftmost line, as one
 * unit when it keeps one sign on the cell's samples and two otherwise. Units with output weight
 * {@code +1} and {@code -1} are shared by all cells: {@code m2 = max_c P_c + max_c Q_c}.
 *
 * <p>The cells and {@code M} are chosen to minimise {@code 2M - 1 + m2}: for every {@code M} the active
 * points are split into {@code M} consecutive groups of sizes {@code floor} / {@code ceil} of
 * {@code A/M} (larger groups first, or last), and each cut is placed, by an exact small dynamic
 * programme, right after the last active point of its left group, right before the first active point
 * of its right group, or between them; every such plan is within {@code 2M - 1 + 4 ceil(A/M)}.
 * Untouched samples and samples whose residual is 0 never cost a unit: the construction never looks
 * at {@code K} beyond sorting.
 */
public final class ThreeLayerCells {
    private ThreeLayerCells() {
    }

    /**
     * Deliberate mistakes, used only by the suite's own tests to show that the properties catch a
     * broken construction and shrink it to a tiny instance. Production callers never pass one.
     */
    enum PlantedBug {
        NONE,
        /** The transition zone of a cut is {@code [t_j + gap/3, t_{j+1} + gap/3]}: it holds the sample {@code t_{j+1}}. */
        ZONE_OVER_SAMPLE,
        /** Ramps go to units in list order, ignoring their sign: output signs are not shared consistently by the cells. */
        SIGNS_IGNORED
    }

    // ------------------------------------------------------------------------------------------
    // public API

    /** The construction for an instance, in field {@code field}. */
    public static <T> Network<T> construct(Field<T> field, Instance instance) {
        return construct(field, Residuals.of(instance), instance.dimension());
    }

    public static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension) {
        Line line = Line.of(residuals);
        return build(field, residuals, dimension, line, bestPlan(line), PlantedBug.NONE);
    }

    /** The construction with exactly {@code M} cells ({@code 1 <= M <= A}, A = active points). */
    public static <T> Network<T> constructWithCells(Field<T> field, Residuals residuals, int dimension, int cells) {
        Line line = Line.of(residuals);
        return build(field, residuals, dimension, line, planWithCells(line, cells), PlantedBug.NONE);
    }

    static <T> Network<T> construct(Field<T> field, Residuals residuals, int dimension, PlantedBug bug) {
        Line line = Line.of(residuals);
        return build(field, residuals, dimension, line, bestPlan(line), bug);
    }

    /** The plan with the smallest total over every {@code M} (the empty plan when no point is active). */
    public static CellPlan plan(Residuals residuals) {
        return bestPlan(Line.of(residuals));
    }

    /** The best plan with exactly {@code M} cells, {@code 1 <= M <= A}. */
    public static CellPlan planWithCells(Residuals residuals, int cells) {
        return planWithCells(Line.of(residuals), cells);
    }

    /**
     * The exact neuron count {@code 2M - 1 + max_c P_c + max_c Q_c} of the construction, from the plan's
     * cell counts, which are computed from the signs of exact slope jumps (prefix sums inside cells,
     * direct evaluation at cell ends) and never from a built network.
     */
    public static int neuronCount(Residuals residuals) {
        return plan(residuals).neurons();
    }

    // ------------------------------------------------------------------------------------------
    // the sorted line: projections, values, exact slopes and jump signs

    /** The distinct points in projected order, with what the cell formulas need, all exact. */
    static final class Line {
        final Projection projection;
        final int k;
        final Rational[] t;
        final Rational[] v;
        final boolean[] active;
        final int[] activeIndex; // sorted positions of the active points
        private final Rational[] seg; // slope of (t_j, t_{j+1}), lazily
        private final int[] posPrefix; // # j' < j with global jump > 0
        private final int[] negPrefix;
        private final int[] pairPrefix; // # j' < j with j', j'+1 both inactive

        private Line(Residuals residuals) {
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
            seg = new Rational[Math.max(k - 1, 0)];
            posPrefix = new int[k + 1];
            negPrefix = new int[k + 1];
            pairPrefix = new int[k + 1];
            for (int j = 0; j < k; j++) {
                int s = knot(j, 0, k - 1) ? jump(j, 0, k - 1).signum() : 0;
                posPrefix[j + 1] = posPrefix[j] + (s > 0 ? 1 : 0);
                negPrefix[j + 1] = negPrefix[j] + (s < 0 ? 1 : 0);
                boolean pair = j + 1 < k && !active[j] && !active[j + 1];
                pairPrefix[j + 1] = pairPrefix[j] + (pair ? 1 : 0);
            }
        }

        static Line of(Residuals residuals) {
            return new Line(residuals);
        }

        int activeCount() {
            return activeIndex.length;
        }

        Rational seg(int j) {
            if (!active[j] && !active[j + 1]) return Rational.ZERO;
            Rational s = seg[j];
            if (s == null) {
                s = v[j + 1].subtract(v[j]).divide(t[j + 1].subtract(t[j]));
                seg[j] = s;
            }
            return s;
        }

        /** Whether sorted sample {@code j} is a knot of {@code G_c} for the cell {@code [a, b]}. */
        boolean knot(int j, int a, int b) {
            return active[j] || (j > a && active[j - 1]) || (j < b && active[j + 1]);
        }

        /** Slope of {@code G_c} just right of knot {@code j}. */
        Rational slopeRight(int j, int a, int b) {
            if (j < b) return knot(j + 1, a, b) ? seg(j) : Rational.ZERO;
            if (!active[b] || a == b) return Rational.ZERO;
            return seg(b - 1); // extended linearly beyond an active last sample
        }

        /** Slope of {@code G_c} just left of knot {@code j}. */
        Rational slopeLeft(int j, int a, int b) {
            if (j > a) return knot(j - 1, a, b) ? seg(j - 1) : Rational.ZERO;
            if (!active[a] || a == b) return Rational.ZERO;
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
            return active[a] && active[b] && pairPrefix[b] - pairPrefix[a] == 0;
        }

        /** Signs needed by the leftmost line on {@code [t_a, t_b]}: +1, -1, or 2 for both. */
        int lineUnits(int a, int b) {
            Rational la = v[a];
            Rational lb = v[a].add(slopeLeft(a, a, b).multiply(t[b].subtract(t[a])));
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

        int activeBetween(int a, int b) {
            int lo = Arrays.binarySearch(activeIndex, a);
            if (lo < 0) lo = -lo - 1;
            int hi = Arrays.binarySearch(activeIndex, b);
            hi = hi < 0 ? -hi - 1 : hi + 1;
            return hi - lo;
        }
    }

    // ------------------------------------------------------------------------------------------
    // choosing the cells

    static CellPlan bestPlan(Line line) {
        int a = line.activeCount();
        if (a == 0) return CellPlan.empty();
        CellPlan best = null;
        for (int m = 1; m <= a; m++) {
            // m2 >= 1, so no M with 2M - 1 + 1 > best can win.
            if (best != null && 2 * m > best.neurons()) break;
            CellPlan p = planWithCells(line, m);
            if (best == null || p.neurons() < best.neurons()) best = p;
        }
        return best;
    }

    static CellPlan planWithCells(Line line, int m) {
        int a = line.activeCount();
        if (a == 0) {
            if (m != 0) throw new IllegalArgumentException("no active point: the only plan has 0 cells, asked for " + m);
            return CellPlan.empty();
        }
        if (m < 1 || m > a) throw new IllegalArgumentException("M must be in 1.." + a + " (active points), got " + m);
        CellPlan largerFirst = bestCuts(line, balancedGroups(a, m, true));
        CellPlan largerLast = bestCuts(line, balancedGroups(a, m, false));
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
    static CellPlan bestCuts(Line line, int[] groupStart) {
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
        java.util.TreeSet<Integer> pValues = new java.util.TreeSet<>();
        for (int g = 0; g < m; g++) {
            int li = g == 0 ? 1 : options[g - 1].length;
            int ri = g == m - 1 ? 1 : options[g].length;
            cost[g] = new int[li][ri][];
            for (int i = 0; i < li; i++) {
                for (int j = 0; j < ri; j++) {
                    int first = g == 0 ? 0 : options[g - 1][i] + 1;
                    int last = g == m - 1 ? line.k - 1 : options[g][j];
                    cost[g][i][j] = line.cost(first, last);
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

    // ------------------------------------------------------------------------------------------
    // building the network

    private enum Facing { RIGHT, LEFT, LINE }

    /** One second-layer unit's job in one cell: a ramp at sorted knot {@code j}, or the cell's leftmost line. */
    private record Ramp(Facing facing, int j, int sign) {
    }

    /**
     * The ramps of cell {@code [a, b]}, computed directly from the definition of {@code G_c} (not from
     * the prefix sums of the formula): jumps left of the first zero stretch face left, the others right;
     * with no zero stretch, the leftmost line plus right-facing ramps.
     */
    private static List<Ramp> ramps(Line line, int a, int b) {
        List<Ramp> ramps = new ArrayList<>();
        int pivot; // knots j <= pivot face left; pivot = a - 1 means none
        boolean zeroLeftRay = !line.active[a];
        if (zeroLeftRay) {
            pivot = a - 1;
        } else {
            pivot = -2;
            for (int j = a; j < b; j++) {
                if (!line.active[j] && !line.active[j + 1]) {
                    pivot = j;
                    break;
                }
            }
            if (pivot == -2) pivot = line.active[b] ? Integer.MIN_VALUE : b; // no zero stretch / zero right ray
        }
        if (pivot == Integer.MIN_VALUE) {
            int units = line.lineUnits(a, b);
            if (units == 1 || units == 2) ramps.add(new Ramp(Facing.LINE, a, 1));
            if (units == -1 || units == 2) ramps.add(new Ramp(Facing.LINE, a, -1));
            pivot = a - 1;
        }
        for (int j = a; j <= b; j++) {
            if (!line.knot(j, a, b)) continue;
            int s = line.jump(j, a, b).signum();
            if (s == 0) continue;
            ramps.add(new Ramp(j <= pivot ? Facing.LEFT : Facing.RIGHT, j, s));
        }
        return ramps;
    }

    static <T> Network<T> build(Field<T> field, Residuals residuals, int dimension, Line line, CellPlan plan, PlantedBug bug) {
        if (plan.cellCount() == 0) return Network.zero(field, dimension, 3);
        int m = plan.cellCount();
        int k = line.k;
        // Projections and values in the field, computed once per sample that the network needs.
        T[] u = field.newArray(dimension);
        for (int j = 0; j < dimension; j++) u[j] = field.fromRational(Rational.of(line.projection.u()[j]));
        Rational[][] points = residuals.pointsView();
        int[] order = line.projection.order();
        T[] t = field.newArray(k);
        Numbers<T> num = new Numbers<>(field, line, t, points, order, u);

        // Ramps per cell, split by sign; units 0..P-1 have output +1, P..P+Q-1 output -1.
        List<List<Ramp>> plus = new ArrayList<>(m), minus = new ArrayList<>(m);
        int pMax = 0, qMax = 0;
        for (Cell c : plan.cells()) {
            List<Ramp> all = ramps(line, c.first(), c.last());
            List<Ramp> p = new ArrayList<>(), q = new ArrayList<>();
            for (Ramp r : all) (r.sign() > 0 ? p : q).add(r);
            if (bug == PlantedBug.SIGNS_IGNORED) {
                // Fill the +1 units first in knot order, whatever the ramps' signs.
                p = new ArrayList<>(all.subList(0, Math.min(all.size(), c.positive())));
                q = new ArrayList<>(all.subList(p.size(), all.size()));
            }
            plus.add(p);
            minus.add(q);
            pMax = Math.max(pMax, p.size());
            qMax = Math.max(qMax, q.size());
        }
        int m2 = pMax + qMax;
        int m1 = 2 * m - 1;
        // Affine pre-activation (A, B) of every unit on every cell.
        T[][] slopeA = newMatrix(field, m2, m);
        T[][] interceptB = newMatrix(field, m2, m);
        for (int c = 0; c < m; c++) {
            Cell cell = plan.cells().get(c);
            for (int i = 0; i < m2; i++) {
                boolean positiveUnit = i < pMax;
                List<Ramp> list = positiveUnit ? plus.get(c) : minus.get(c);
                int idx = positiveUnit ? i : i - pMax;
                if (idx < list.size()) {
                    T[] ab = num.ramp(list.get(idx), cell.first(), cell.last(), positiveUnit ? 1 : -1);
                    slopeA[i][c] = ab[0];
                    interceptB[i][c] = ab[1];
                } else {
                    slopeA[i][c] = field.zero(); // off on this cell
                    interceptB[i][c] = field.negate(field.one());
                }
            }
        }
        // First layer: relu(t - t_min + 1), then relu(t - alpha), relu(t - beta) per cut.
        T[][] w1 = newMatrix(field, m1, dimension);
        T[] b1 = field.newArray(m1);
        T tMin = num.t(0);
        T one = field.one();
        w1[0] = u.clone();
        b1[0] = field.subtract(one, tMin);
        T[] alpha = field.newArray(m), beta = field.newArray(m);
        T three = field.fromLong(3);
        for (int c = 1; c < m; c++) {
            int j = plan.cells().get(c - 1).last();
            T tj = num.t(j), tn = num.t(j + 1);
            T third = field.divide(field.subtract(tn, tj), three);
            alpha[c] = field.add(tj, third);
            beta[c] = bug == PlantedBug.ZONE_OVER_SAMPLE ? field.add(tn, third) : field.subtract(tn, third);
            w1[2 * c - 1] = u.clone();
            b1[2 * c - 1] = field.negate(alpha[c]);
            w1[2 * c] = u.clone();
            b1[2 * c] = field.negate(beta[c]);
        }
        // Second layer: A_0 on the first unit, the cut weights solving
        // W_alpha + W_beta = dA, W_alpha alpha + W_beta beta = -dB.
        T[][] w2 = newMatrix(field, m2, m1);
        T[] b2 = field.newArray(m2);
        T shift = field.subtract(tMin, one);
        for (int i = 0; i < m2; i++) {
            w2[i][0] = slopeA[i][0];
            b2[i] = field.add(interceptB[i][0], field.multiply(slopeA[i][0], shift));
            for (int c = 1; c < m; c++) {
                T dA = field.subtract(slopeA[i][c], slopeA[i][c - 1]);
                T dB = field.subtract(interceptB[i][c], interceptB[i][c - 1]);
                T width = field.subtract(beta[c], alpha[c]);
                w2[i][2 * c - 1] = field.divide(field.add(field.multiply(dA, beta[c]), dB), width);
                w2[i][2 * c] = field.negate(field.divide(field.add(field.multiply(dA, alpha[c]), dB), width));
            }
        }
        T[][] w3 = newMatrix(field, 1, m2);
        for (int i = 0; i < m2; i++) w3[0][i] = i < pMax ? one : field.negate(one);
        T[] b3 = field.newArray(1);
        b3[0] = field.zero();
        return new Network<>(field, dimension, List.of(
                new Layer<>(field, dimension, w1, b1),
                new Layer<>(field, m1, w2, b2),
                new Layer<>(field, m2, w3, b3)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T[][] newMatrix(Field<T> field, int rows, int cols) {
        T[][] a = (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), rows);
        for (int i = 0; i < rows; i++) a[i] = field.newArray(cols);
        return a;
    }

    /** The numbers of the construction in the target field, mirroring {@link Line}'s exact definitions. */
    private static final class Numbers<T> {
        private final Field<T> field;
        private final Line line;
        private final T[] t;
        private final Rational[][] points;
        private final int[] order;
        private final T[] u;

        Numbers(Field<T> field, Line line, T[] t, Rational[][] points, int[] order, T[] u) {
            this.field = field;
            this.line = line;
            this.t = t;
            this.points = points;
            this.order = order;
            this.u = u;
        }

        /** {@code t_j = u . x} computed in the field (so a rounded field sees its own projections). */
        T t(int j) {
            if (t[j] == null) {
                if (field.isExact()) {
                    t[j] = field.fromRational(line.t[j]);
                } else {
                    Rational[] x = points[order[j]];
                    T acc = field.zero();
                    for (int i = 0; i < u.length; i++) {
                        if (!x[i].isZero()) acc = field.add(acc, field.multiply(u[i], field.fromRational(x[i])));
                    }
                    t[j] = acc;
                }
            }
            return t[j];
        }

        T v(int j) {
            return field.fromRational(line.v[j]);
        }

        T seg(int j) {
            if (!line.active[j] && !line.active[j + 1]) return field.zero();
            return field.divide(field.subtract(v(j + 1), v(j)), field.subtract(t(j + 1), t(j)));
        }

        T slopeRight(int j, int a, int b) {
            if (j < b) return line.knot(j + 1, a, b) ? seg(j) : field.zero();
            if (!line.active[b] || a == b) return field.zero();
            return seg(b - 1);
        }

        T slopeLeft(int j, int a, int b) {
            if (j > a) return line.knot(j - 1, a, b) ? seg(j - 1) : field.zero();
            if (!line.active[a] || a == b) return field.zero();
            return seg(a);
        }

        /** {@code (A, B)} of a ramp on a unit whose output weight is {@code unitSign}. */
        T[] ramp(Ramp r, int a, int b, int unitSign) {
            T[] ab = field.newArray(2);
            T sA, sB;
            if (r.facing() == Facing.LINE) {
                T slope = slopeLeft(a, a, b);
                sA = slope;
                sB = field.subtract(v(a), field.multiply(slope, t(a)));
            } else {
                T delta = field.subtract(slopeRight(r.j(), a, b), slopeLeft(r.j(), a, b));
                T p = t(r.j());
                if (r.facing() == Facing.RIGHT) { // delta relu(t - p)
                    sA = delta;
                    sB = field.negate(field.multiply(delta, p));
                } else { // delta relu(p - t)
                    sA = field.negate(delta);
                    sB = field.multiply(delta, p);
                }
            }
            // unitSign * relu(z) with z = unitSign * (sA t + sB) equals the ramp when the ramp's own
            // sign matches the unit's (always, unless a planted bug mismatches them).
            if (unitSign < 0) {
                sA = field.negate(sA);
                sB = field.negate(sB);
            }
            ab[0] = sA;
            ab[1] = sB;
            return ab;
        }
    }
}
