package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.arith.RationalField;
import org.ftc.instance.Instance;
import org.ftc.instance.Residuals;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * The one-switch 3-layer construction for two-block sign patterns: along the projection the
 * nonzero residuals are all of one sign, then all of the other. With {@code n} of the first sign and
 * {@code N - n} of the second and a group size {@code T}, it uses
 * {@code ceil(n/T) + ceil((N - n)/T) + 1} first-layer units and {@code 4T} second-layer units
 * ({@code ceil(N/T) + 3T} in all when one sign is absent). Exact arithmetic. See
 * proofs-notes/T3S-signed-crossing.md (section "The one-switch construction").
 *
 * <p>First layer: {@code relu(t - κ_0)} (linear on every sample) and one unit per cut; so every
 * second-layer pre-activation is any continuous PL function with knots at the cuts. Cuts split the
 * first block into groups of at most {@code T} changes, then an empty <em>switch cell</em> (two cuts
 * in one gap), then the second block in groups. Second layer: units {@code A_i, B_i} (output
 * weight {@code +1}) and {@code S_i, P_i} ({@code -1}), {@code i = 1..T}. In the first block
 * {@code (A_i, B_i, S_i = A_i + B_i)} is a positive triple and {@code P_i = -1}; in the second,
 * {@code (S_i, P_i, A_i = S_i + P_i)} is a negative triple and {@code B_i = -1}. The triple
 * identity {@code relu(X) + relu(Y) - relu(X + Y) = min(|X|, |Y|)} when {@code XY < 0} (else 0)
 * makes a triple add {@code |r|} at the one change it serves in a cell: {@code X, Y} affine there,
 * equal sign at the cell's left cut, roots on either side of the change, closer to it than any
 * other sample, {@code |X(c)| = |Y(c)| = |r|}. The switch cell holds no sample, so every unit may
 * change role across it.
 */
public final class OneSwitchTriples {
    private OneSwitchTriples() {
    }

    /** The neuron count for {@code n} changes of the first sign, {@code N - n} of the second, group size {@code T}. */
    public static long neuronCount(long bigN, long n, long t) {
        if (t < 1 || n < 0 || n > bigN) throw new IllegalArgumentException("need T >= 1 and 0 <= n <= N");
        if (bigN == 0) return 0;
        if (n == 0 || n == bigN) return ceilDiv(bigN, t) + 3 * t;
        return ceilDiv(n, t) + ceilDiv(bigN - n, t) + 4 * t + 1;
    }

    /** The {@code T} with the fewest neurons (the smallest such). */
    public static long bestT(long bigN, long n) {
        long best = Long.MAX_VALUE, arg = 1;
        for (long t = 1; t <= Math.max(1, bigN); t++) {
            long c = neuronCount(bigN, n, t);
            if (c < best) {
                best = c;
                arg = t;
            }
            if (3 * t > best) break;
        }
        return arg;
    }

    /** The network with the best {@code T}; throws {@link IllegalArgumentException} if the signs along the projection are not two blocks. */
    public static Network<Rational> construct(Instance instance) {
        // The distinct points in projected order with their residuals (the same line as T3U and T3C).
        SortedLine line = SortedLine.of(Residuals.of(instance));
        Rational[] p = line.t, v = line.v;
        Rational[] u = new Rational[instance.dimension()];
        for (int j = 0; j < u.length; j++) u[j] = Rational.of(line.projection.u()[j]);
        int[] split = blocks(v);
        return onLine(p, v, bestT(split[0] + split[1], split[0])).network(u);
    }

    /** {n (changes of the first sign), N - n}; throws unless the nonzero values form at most two sign blocks. */
    static int[] blocks(Rational[] v) {
        int first = 0, second = 0, firstSign = 0;
        for (Rational x : v) {
            int s = x.signum();
            if (s == 0) continue;
            if (firstSign == 0) firstSign = s;
            if (s == firstSign && second == 0) first++;
            else if (s == -firstSign) second++;
            else throw new IllegalArgumentException("the residual signs along the projection are not two blocks (a sign returns after the switch)");
        }
        return new int[] {first, second};
    }

    /** The 3-layer network on a line, as cut positions plus second-layer values at the cuts. */
    public record LineNetwork(Rational[] cuts, Rational[][] values, Rational[] outputWeights) {
        /** On {@code Q^d} reading {@code t = u . x}. */
        public Network<Rational> network(Rational[] u) {
            RationalField f = RationalField.INSTANCE;
            int c = cuts.length - 1; // cuts[0] is the linear unit's offset κ_0, cuts[c] a virtual right end
            int m1 = c, m2 = values.length, d = u.length;
            Rational[][] w1 = new Rational[m1][d];
            Rational[] b1 = new Rational[m1];
            for (int j = 0; j < m1; j++) {
                for (int i = 0; i < d; i++) w1[j][i] = u[i];
                b1[j] = cuts[j].negate();
            }
            Rational[][] w2 = new Rational[m2][m1];
            Rational[] b2 = new Rational[m2];
            for (int q = 0; q < m2; q++) {
                Rational before = Rational.ZERO;
                for (int j = 0; j < m1; j++) {
                    Rational slope = values[q][j + 1].subtract(values[q][j]).divide(cuts[j + 1].subtract(cuts[j]));
                    w2[q][j] = slope.subtract(before);
                    before = slope;
                }
                b2[q] = values[q][0];
            }
            Rational[][] w3 = new Rational[][] {outputWeights.clone()};
            return new Network<>(f, d, List.of(new Layer<>(f, d, w1, b1), new Layer<>(f, m1, w2, b2), new Layer<>(f, m2, w3, new Rational[] {Rational.ZERO})));
        }

        public int neurons() {
            return cuts.length - 1 + values.length;
        }
    }

    /** 1-D: sorted distinct positions, residuals with two sign blocks, group size {@code T}. */
    public static LineNetwork onLine(Rational[] p, Rational[] v, long groupSize) {
        int[] split = blocks(v);
        int t = Math.toIntExact(Math.max(1, groupSize));
        int sign = 0;
        for (Rational x : v) if (sign == 0) sign = x.signum();
        if (sign < 0) {
            // build for the negated residuals and negate the output weights
            Rational[] neg = new Rational[v.length];
            for (int i = 0; i < v.length; i++) neg[i] = v[i].negate();
            LineNetwork g = onLine(p, neg, groupSize);
            Rational[] w = g.outputWeights().clone();
            for (int i = 0; i < w.length; i++) w[i] = w[i].negate();
            return new LineNetwork(g.cuts(), g.values(), w);
        }
        int k = p.length;
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < k; i++) if (!v[i].isZero()) changed.add(i);
        if (changed.isEmpty()) throw new IllegalArgumentException("no nonzero residual: nothing to construct");
        boolean twoPhases = split[0] > 0 && split[1] > 0;
        // cells: groups of at most T changes per block; cells hold (first changed index .. last)
        List<int[]> cells = new ArrayList<>(); // {phase, first change position in `changed`, count}
        for (int phase = 0; phase < 2; phase++) {
            int from = phase == 0 ? 0 : split[0], count = phase == 0 ? split[0] : split[1];
            for (int g = 0; g < count; g += t) cells.add(new int[] {phase, from + g, Math.min(t, count - g)});
        }
        // cut positions: κ_0 = p_0 - 1, then between groups (midpoint of the gap after a group's last change),
        // two cuts (1/3, 2/3 of that gap) at the switch, and a virtual right end p_{k-1} + 1
        List<Rational> cuts = new ArrayList<>();
        List<Integer> cellOfCut = new ArrayList<>(); // index in `cells` of the cell starting at each cut, -1 for the switch cell
        cuts.add(p[0].subtract(Rational.ONE));
        cellOfCut.add(0);
        for (int c = 0; c + 1 < cells.size(); c++) {
            int last = changed.get(cells.get(c)[1] + cells.get(c)[2] - 1);
            Rational gap = p[last + 1].subtract(p[last]);
            if (twoPhases && cells.get(c)[0] == 0 && cells.get(c + 1)[0] == 1) {
                cuts.add(p[last].add(gap.divide(Rational.of(3))));
                cellOfCut.add(-1);
                cuts.add(p[last].add(gap.multiply(Rational.of(2, 3))));
            } else {
                cuts.add(p[last].add(gap.divide(Rational.TWO)));
            }
            cellOfCut.add(c + 1);
        }
        cuts.add(p[k - 1].add(Rational.ONE));
        int nc = cuts.size(); // values at cuts 0..nc-1
        int units = twoPhases ? 4 * t : 3 * t;
        Rational[][] values = new Rational[units][nc];
        // unit indices: A_i = i, B_i = T + i, S_i = 2T + i, P_i = 3T + i
        Rational[] out = new Rational[units];
        for (int i = 0; i < t; i++) {
            out[i] = Rational.ONE;
            out[t + i] = Rational.ONE;
            out[2 * t + i] = Rational.MINUS_ONE;
            if (twoPhases) out[3 * t + i] = Rational.MINUS_ONE;
        }
        for (Rational m = Rational.of(1); ; m = m.multiply(Rational.of(16))) {
            if (m.bitSize() > 4000) throw new IllegalStateException("one-switch construction: no admissible magnitudes found (a bug)");
            if (chain(p, v, changed, cells, cuts, cellOfCut, t, twoPhases, m, values)) break;
        }
        return new LineNetwork(cuts.toArray(new Rational[0]), values, out);
    }

    /**
     * Forward pass with fresh magnitude {@code m} at each phase start and after each idle cell: fills
     * {@code values}; false if some served change is not admissible (then a larger {@code m} is tried).
     */
    private static boolean chain(Rational[] p, Rational[] v, List<Integer> changed, List<int[]> cells, List<Rational> cuts,
                                 List<Integer> cellOfCut, int t, boolean twoPhases, Rational m, Rational[][] values) {
        int nc = cuts.size();
        for (int i = 0; i < t; i++) {
            // the pair of triple i: phase 0 units (A_i, B_i), phase 1 units (S_i, P_i)
            int[][] pair = {{i, t + i}, {2 * t + i, 3 * t + i}};
            Rational[] x = {m, m}; // signed values of the pair at the current cell's left cut
            int currentPhase = -1;
            for (int cut = 0; cut + 1 < nc; cut++) {
                int cellIndex = cellOfCut.get(cut);
                if (cellIndex < 0) continue; // switch cell: values at its two ends come from the phases
                int[] cell = cells.get(cellIndex);
                int phase = cell[0];
                if (phase != currentPhase) {
                    currentPhase = phase;
                    x = new Rational[] {m, m};
                }
                int[] units = pair[phase];
                values[units[0]][cut] = x[0];
                values[units[1]][cut] = x[1];
                Rational left = cuts.get(cut), right = cuts.get(cut + 1);
                if (i < cell[2]) {
                    int c = changed.get(cell[1] + i);
                    Rational r = v[c].abs(), d = p[c].subtract(left), e = right.subtract(p[c]), w = d.add(e);
                    Rational gl = (c > 0 ? p[c].subtract(p[c - 1]) : d).min(d.divide(Rational.TWO));
                    Rational gr = (c + 1 < p.length ? p[c + 1].subtract(p[c]) : e).min(e.divide(Rational.TWO));
                    // the larger magnitude takes the root right of c (it loses magnitude)
                    int rightRole = x[1].abs().compareTo(x[0].abs()) >= 0 ? 1 : 0, leftRole = 1 - rightRole;
                    Rational a = x[leftRole].abs(), b = x[rightRole].abs();
                    if (a.compareTo(r.multiply(d.subtract(gl)).divide(gl)) < 0) return false;
                    if (b.compareTo(r.multiply(d.add(gr)).divide(gr)) < 0) return false;
                    Rational s = Rational.of(x[0].signum());
                    Rational[] next = new Rational[2];
                    next[leftRole] = e.multiply(a).add(r.multiply(w)).divide(d).multiply(s).negate();
                    next[rightRole] = e.multiply(b).subtract(r.multiply(w)).divide(d).multiply(s).negate();
                    x = next;
                } else {
                    // idle: keep the sign, reset the magnitude
                    x = new Rational[] {m.multiply(Rational.of(x[0].signum())), m.multiply(Rational.of(x[1].signum()))};
                }
                int endCut = cut + 1;
                values[units[0]][endCut] = x[0];
                values[units[1]][endCut] = x[1];
            }
        }
        // the remaining units: sums and idles, per cut, by the phase of the cell on each side
        for (int cut = 0; cut < nc; cut++) {
            for (int i = 0; i < t; i++) {
                int phase = phaseAtCut(cut, cellOfCut, cells);
                if (phase == 0) {
                    values[2 * t + i][cut] = values[i][cut].add(values[t + i][cut]);
                    if (twoPhases) values[3 * t + i][cut] = Rational.MINUS_ONE;
                } else {
                    values[i][cut] = values[2 * t + i][cut].add(values[3 * t + i][cut]);
                    values[t + i][cut] = Rational.MINUS_ONE;
                }
            }
        }
        return true;
    }

    /** The phase whose cell touches this cut (the switch cell's ends belong to the phases beside it). */
    private static int phaseAtCut(int cut, List<Integer> cellOfCut, List<int[]> cells) {
        if (cut < cellOfCut.size() && cellOfCut.get(cut) >= 0) return cells.get(cellOfCut.get(cut))[0];
        // the switch cell starts here (phase 0 ends here), or this is the virtual right end
        if (cut < cellOfCut.size()) return 0;
        return cells.get(cellOfCut.get(cut - 1) >= 0 ? cellOfCut.get(cut - 1) : cellOfCut.get(cut - 2))[0];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
