package org.ftc.construct;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Field;
import org.ftc.construct.ThreeLayerCells.PlantedBug;
import org.ftc.net.Layer;
import org.ftc.net.Network;

/**
 * Builds the T3U network of a {@link CellPlan} in a field (proofs-notes/T3U-cells.md, construction
 * steps 2, 3, 5-7): the first layer {@code relu(t - t_0 + 1)} and two units per cut, the ramps of
 * every cell's target {@code G_c} (computed from the definition, not from the cell formula), the
 * second-layer weights that give each unit its affine function on each cell, and output weights
 * {@code +1} / {@code -1}.
 */
final class CellNetwork {
    private CellNetwork() {
    }

    private enum Facing { RIGHT, LEFT, LINE }

    /** One second-layer unit's job in one cell: a ramp at sorted knot {@code j}, or the cell's leftmost line. */
    private record Ramp(Facing facing, int j, int sign) {
    }

    /**
     * The ramps of cell {@code [a, b]}, computed directly from the definition of {@code G_c} (not from
     * the prefix sums of the formula): jumps left of the first zero stretch face left, the others right;
     * with no zero stretch, the leftmost line plus right-facing ramps.
     */
    private static List<Ramp> ramps(CellTargets targets, int a, int b) {
        SortedLine line = targets.line;
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
            int units = targets.lineUnits(a, b);
            if (units == 1 || units == 2) ramps.add(new Ramp(Facing.LINE, a, 1));
            if (units == -1 || units == 2) ramps.add(new Ramp(Facing.LINE, a, -1));
            pivot = a - 1;
        }
        for (int j = a; j <= b; j++) {
            if (!targets.knot(j, a, b)) continue;
            int s = targets.jump(j, a, b).signum();
            if (s == 0) continue;
            ramps.add(new Ramp(j <= pivot ? Facing.LEFT : Facing.RIGHT, j, s));
        }
        return ramps;
    }

    static <T> Network<T> build(FieldLine<T> fl, CellTargets targets, CellPlan plan, PlantedBug bug) {
        Field<T> field = fl.field;
        int dimension = fl.u.length;
        if (plan.cellCount() == 0) return Network.zero(field, dimension, 3);
        int m = plan.cellCount();
        FieldTargets<T> num = new FieldTargets<>(fl, targets);

        // Ramps per cell, split by sign; units 0..P-1 have output +1, P..P+Q-1 output -1.
        List<List<Ramp>> plus = new ArrayList<>(m), minus = new ArrayList<>(m);
        int pMax = 0, qMax = 0;
        for (Cell c : plan.cells()) {
            List<Ramp> all = ramps(targets, c.first(), c.last());
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
        T[][] slopeA = FieldLine.matrix(field, m2, m);
        T[][] interceptB = FieldLine.matrix(field, m2, m);
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
        T[][] w1 = FieldLine.matrix(field, m1, dimension);
        T[] b1 = field.newArray(m1);
        T tMin = fl.t(0);
        T one = field.one();
        w1[0] = fl.u.clone();
        b1[0] = field.subtract(one, tMin);
        T[] alpha = field.newArray(m), beta = field.newArray(m);
        T three = field.fromLong(3);
        for (int c = 1; c < m; c++) {
            int j = plan.cells().get(c - 1).last();
            T tj = fl.t(j), tn = fl.t(j + 1);
            T third = field.divide(field.subtract(tn, tj), three);
            alpha[c] = field.add(tj, third);
            beta[c] = bug == PlantedBug.ZONE_OVER_SAMPLE ? field.add(tn, third) : field.subtract(tn, third);
            w1[2 * c - 1] = fl.u.clone();
            b1[2 * c - 1] = field.negate(alpha[c]);
            w1[2 * c] = fl.u.clone();
            b1[2 * c] = field.negate(beta[c]);
        }
        // Second layer: A_0 on the first unit, the cut weights solving
        // W_alpha + W_beta = dA, W_alpha alpha + W_beta beta = -dB.
        T[][] w2 = FieldLine.matrix(field, m2, m1);
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
        T[][] w3 = FieldLine.matrix(field, 1, m2);
        for (int i = 0; i < m2; i++) w3[0][i] = i < pMax ? one : field.negate(one);
        T[] b3 = field.newArray(1);
        b3[0] = field.zero();
        return new Network<>(field, dimension, List.of(
                new Layer<>(field, dimension, w1, b1),
                new Layer<>(field, m1, w2, b2),
                new Layer<>(field, m2, w3, b3)));
    }

    /** The slopes of {@code G_c} in the target field, mirroring {@link CellTargets}' exact definitions. */
    private static final class FieldTargets<T> {
        private final Field<T> field;
        private final FieldLine<T> fl;
        private final CellTargets targets;
        private final boolean[] active;

        FieldTargets(FieldLine<T> fl, CellTargets targets) {
            this.field = fl.field;
            this.fl = fl;
            this.targets = targets;
            this.active = targets.line.active;
        }

        T seg(int j) {
            if (!active[j] && !active[j + 1]) return field.zero();
            return field.divide(field.subtract(fl.v(j + 1), fl.v(j)), field.subtract(fl.t(j + 1), fl.t(j)));
        }

        T slopeRight(int j, int a, int b) {
            if (j < b) return targets.knot(j + 1, a, b) ? seg(j) : field.zero();
            if (!active[b] || a == b) return field.zero();
            return seg(b - 1);
        }

        T slopeLeft(int j, int a, int b) {
            if (j > a) return targets.knot(j - 1, a, b) ? seg(j - 1) : field.zero();
            if (!active[a] || a == b) return field.zero();
            return seg(a);
        }

        /** {@code (A, B)} of a ramp on a unit whose output weight is {@code unitSign}. */
        T[] ramp(Ramp r, int a, int b, int unitSign) {
            T[] ab = field.newArray(2);
            T sA, sB;
            if (r.facing() == Facing.LINE) {
                T slope = slopeLeft(a, a, b);
                sA = slope;
                sB = field.subtract(fl.v(a), field.multiply(slope, fl.t(a)));
            } else {
                T delta = field.subtract(slopeRight(r.j(), a, b), slopeLeft(r.j(), a, b));
                T p = fl.t(r.j());
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
