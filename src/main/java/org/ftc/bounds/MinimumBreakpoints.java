package org.ftc.bounds;

import java.util.ArrayList;
import java.util.List;
import org.ftc.arith.Rational;
import org.ftc.net.PiecewiseLinear;

/**
 * MB (proofs-notes/MB-minimum-breakpoints.md): the least number of breakpoints of a continuous piecewise-linear
 * interpolant of 1-D data {@code p_0 < ... < p_n}, values {@code v_i}, with a witness.
 *
 * <p>An interpolant's derivative is a step function whose average on {@code (p_i, p_{i+1})} is the
 * secant {@code s_i}; breakpoints are its jumps. Outside {@code [p_0, p_n]} the interpolant continues
 * with its end slopes at no cost. Walking the intervals left to right, the set of derivative values
 * the step function can have just before {@code p_{i+1}} with {@code j} jumps so far is a union of
 * {@code {s_i}}, {@code (s_i, inf)} and {@code (-inf, s_i)}: three booleans per {@code j}. Inside an
 * interval with entering value {@code a} and leaving value {@code b}: no jump needs
 * {@code a = b = s_i}; one jump needs {@code s_i} strictly between {@code a} and {@code b}; two jumps
 * allow any {@code a, b}; a jump exactly at {@code p_i} frees the entering value. See
 * proofs-notes/MB-minimum-breakpoints.md.
 */
public final class MinimumBreakpoints {
    private MinimumBreakpoints() {
    }

    /** The minimum and an interpolant attaining it. */
    public record Result(int breakpoints, PiecewiseLinear witness) {
    }

    // Parts of a reachable set, relative to the current secant s.
    private static final int EQ = 0, GT = 1, LT = 2;

    /** Predecessor of a reachable (interval, jumps, part): how it was reached. */
    private record Pred(int interior, boolean jumpAtPoint, int prevJumps, int prevPart) {
        // prevPart == -1: the entering value was free (first interval).
    }

    /** The minimum number of breakpoints (without building a witness). */
    public static int count(Rational[] p, Rational[] v) {
        validate(p, v);
        if (p.length == 1) return 0;
        Rational[] s = secants(p, v);
        Pred[][][] reach = programme(s);
        return best(reach)[0];
    }

    /** The minimum number of breakpoints and a witness interpolant with exactly that many. */
    public static Result solve(Rational[] p, Rational[] v) {
        validate(p, v);
        if (p.length == 1) {
            return new Result(0, PiecewiseLinear.of(List.of(p[0]), List.of(v[0]), Rational.ZERO, Rational.ZERO));
        }
        Rational[] s = secants(p, v);
        Pred[][][] reach = programme(s);
        int[] best = best(reach);
        return new Result(best[0], witness(p, v, s, reach, best[0], best[1]));
    }

    private static Rational[] secants(Rational[] p, Rational[] v) {
        int n = p.length - 1;
        Rational[] s = new Rational[n];
        for (int i = 0; i < n; i++) s[i] = v[i + 1].subtract(v[i]).divide(p[i + 1].subtract(p[i]));
        return s;
    }

    /** The forward programme: {@code reach[i][j][part]} is non-null when reachable, holding how. */
    private static Pred[][][] programme(Rational[] s) {
        int n = s.length;
        // The interpolant through all points has at most n - 1 breakpoints, and jump counts only grow
        // along a path, so no optimal path ever holds more than n - 1 jumps: cap at n.
        int cap = n;
        Pred[][][] reach = new Pred[n][cap + 1][3];
        relax(reach[0], cap, s[0], Region.ALL, 0, new Pred(0, false, 0, -1));
        for (int i = 1; i < n; i++) {
            for (int j = 0; j <= cap; j++) {
                for (int part = 0; part < 3; part++) {
                    if (reach[i - 1][j][part] == null) continue;
                    relax(reach[i], cap, s[i], Region.of(part, s[i - 1]), j, new Pred(0, false, j, part));
                    relax(reach[i], cap, s[i], Region.ALL, j + 1, new Pred(0, true, j, part));
                }
            }
        }
        return reach;
    }

    /** {least j reachable after the last interval, a part reachable there}. */
    private static int[] best(Pred[][][] reach) {
        Pred[][] last = reach[reach.length - 1];
        for (int j = 0; j < last.length; j++) {
            for (int part = 0; part < 3; part++) if (last[j][part] != null) return new int[] {j, part};
        }
        throw new IllegalStateException("MB: no interpolant within " + (last.length - 1) + " jumps; the programme is wrong");
    }

    /** Applies the three interior options of one interval to entering region {@code entering} at {@code j} jumps. */
    private static void relax(Pred[][] out, int cap, Rational s, Region entering, int j, Pred template) {
        if (j > cap) return;
        if (entering.containsPoint(s)) set(out, cap, j, EQ, template, 0);
        if (entering.containsBelow(s)) set(out, cap, j + 1, GT, template, 1);
        if (entering.containsAbove(s)) set(out, cap, j + 1, LT, template, 1);
        for (int part = 0; part < 3; part++) set(out, cap, j + 2, part, template, 2);
    }

    private static void set(Pred[][] out, int cap, int j, int part, Pred template, int interior) {
        if (j > cap || out[j][part] != null) return;
        out[j][part] = new Pred(interior, template.jumpAtPoint(), template.prevJumps(), template.prevPart());
    }

    /** Walks the predecessors back, choosing concrete slopes, and integrates them into an interpolant. */
    private static PiecewiseLinear witness(Rational[] p, Rational[] v, Rational[] s, Pred[][][] reach, int jumps, int part) {
        int n = s.length;
        Rational[] enter = new Rational[n];
        Rational[] leave = new Rational[n];
        int[] interior = new int[n];
        Rational b = Region.of(part, s[n - 1]).pick();
        int j = jumps;
        for (int i = n - 1; i >= 0; i--) {
            Pred pred = reach[i][j][part];
            Region constraint = switch (pred.interior()) {
                case 0 -> Region.of(EQ, s[i]);
                case 1 -> Region.of(b.compareTo(s[i]) > 0 ? LT : GT, s[i]);
                default -> Region.ALL;
            };
            Region entering = pred.prevPart() < 0 || pred.jumpAtPoint() ? Region.ALL : Region.of(pred.prevPart(), s[i - 1]);
            Rational a = constraint.intersect(entering).pick();
            enter[i] = a;
            leave[i] = b;
            interior[i] = pred.interior();
            if (i > 0) {
                b = pred.jumpAtPoint() ? Region.of(pred.prevPart(), s[i - 1]).pick() : a;
                j = pred.prevJumps();
                part = pred.prevPart();
            }
        }
        List<Rational> xs = new ArrayList<>();
        List<Rational> vs = new ArrayList<>();
        Rational x = p[0], value = v[0];
        xs.add(x);
        vs.add(value);
        Rational third = Rational.of(1, 3);
        for (int i = 0; i < n; i++) {
            Rational length = p[i + 1].subtract(p[i]);
            List<Rational[]> pieces = new ArrayList<>(); // {fraction of the interval, slope}
            switch (interior[i]) {
                case 0 -> pieces.add(new Rational[] {Rational.ONE, s[i]});
                case 1 -> {
                    // lambda a + (1 - lambda) b = s with s strictly between a and b, so 0 < lambda < 1.
                    Rational lambda = s[i].subtract(leave[i]).divide(enter[i].subtract(leave[i]));
                    pieces.add(new Rational[] {lambda, enter[i]});
                    pieces.add(new Rational[] {Rational.ONE.subtract(lambda), leave[i]});
                }
                default -> {
                    // (a + c + b) / 3 = s.
                    Rational middle = s[i].multiply(Rational.of(3)).subtract(enter[i]).subtract(leave[i]);
                    pieces.add(new Rational[] {third, enter[i]});
                    pieces.add(new Rational[] {third, middle});
                    pieces.add(new Rational[] {third, leave[i]});
                }
            }
            for (Rational[] piece : pieces) {
                Rational dx = piece[0].multiply(length);
                x = x.add(dx);
                value = value.add(piece[1].multiply(dx));
                xs.add(x);
                vs.add(value);
            }
        }
        return PiecewiseLinear.of(xs, vs, enter[0], leave[n - 1]);
    }

    private static void validate(Rational[] p, Rational[] v) {
        if (p.length == 0) throw new IllegalArgumentException("MB needs at least one data point");
        if (p.length != v.length) throw new IllegalArgumentException(p.length + " positions but " + v.length + " values");
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null || v[i] == null) throw new IllegalArgumentException("data point " + i + " is missing");
            if (i > 0 && p[i - 1].compareTo(p[i]) >= 0) {
                throw new IllegalArgumentException("positions must increase strictly: p[" + (i - 1) + "] = " + p[i - 1] + ", p[" + i + "] = " + p[i]);
            }
        }
    }

    /** A set of reals of the form {c}, (c, inf), (-inf, c), R, or an intersection of two such. */
    private record Region(Rational lo, boolean loClosed, Rational hi, boolean hiClosed) {
        static final Region ALL = new Region(null, false, null, false);

        static Region of(int part, Rational c) {
            return switch (part) {
                case EQ -> new Region(c, true, c, true);
                case GT -> new Region(c, false, null, false);
                case LT -> new Region(null, false, c, false);
                default -> throw new IllegalArgumentException("part " + part);
            };
        }

        boolean contains(Rational x) {
            if (lo != null && (loClosed ? x.compareTo(lo) < 0 : x.compareTo(lo) <= 0)) return false;
            return hi == null || (hiClosed ? x.compareTo(hi) <= 0 : x.compareTo(hi) < 0);
        }

        boolean containsPoint(Rational x) {
            return contains(x);
        }

        /** Some element below {@code x}: true unless the region's lower end is at or above {@code x}. */
        boolean containsBelow(Rational x) {
            return lo == null || lo.compareTo(x) < 0;
        }

        boolean containsAbove(Rational x) {
            return hi == null || hi.compareTo(x) > 0;
        }

        Region intersect(Region o) {
            Rational l = lo;
            boolean lc = loClosed;
            if (o.lo != null && (l == null || o.lo.compareTo(l) > 0 || (o.lo.compareTo(l) == 0 && !o.loClosed))) {
                l = o.lo;
                lc = o.loClosed;
            }
            Rational h = hi;
            boolean hc = hiClosed;
            if (o.hi != null && (h == null || o.hi.compareTo(h) < 0 || (o.hi.compareTo(h) == 0 && !o.hiClosed))) {
                h = o.hi;
                hc = o.hiClosed;
            }
            return new Region(l, lc, h, hc);
        }

        Rational pick() {
            Rational x;
            if (lo != null && hi != null) x = lo.compareTo(hi) == 0 ? lo : lo.add(hi).divide(Rational.TWO);
            else if (lo != null) x = lo.add(Rational.ONE);
            else if (hi != null) x = hi.subtract(Rational.ONE);
            else x = Rational.ZERO;
            if (!contains(x)) throw new IllegalStateException("MB: empty region while building the witness; the programme is wrong");
            return x;
        }
    }
}
