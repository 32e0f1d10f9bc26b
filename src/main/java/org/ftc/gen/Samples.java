package org.ftc.gen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ftc.arith.Rational;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Source;
import org.ftc.prop.Weighted;

/**
 * Sample sets in {@code Q^d}, {@code d} in 1..16, {@code K} in 1..~300, from six families chosen to
 * break a projection or a construction: random points; collinear points on a random line; integer
 * grids (coordinate sums collide, so {@code u = (1, ..., 1)} fails); near-duplicates {@code 1e-30}
 * apart; magnitudes {@code 1e30} and {@code 1e-30}; rational points on the unit sphere. Points are
 * distinct (duplicates are removed); {@link #withRepeats} keeps some on purpose.
 */
public final class Samples {
    /** Coordinates drawn per point whatever the dimension (see {@link #point}). */
    static final int PAD = 16;
    public static final List<String> FAMILIES = List.of("random", "collinear", "grid", "near-duplicate", "magnitude", "sphere");

    private Samples() {
    }

    public static Gen<SampleSet> sampleSets() {
        return sampleSets(16, 300);
    }

    public static Gen<SampleSet> sampleSets(int maxDimension, int maxK) {
        return Gens.zip(sizes(maxDimension, 3), sizes(maxK, 12), (d, k) -> new int[] {d, k})
                .flatMap(dk -> family(dk[0], dk[1]));
    }

    /**
     * A size in {@code [1, max]}: usually small (at most {@code small}), sometimes medium, and the
     * whole range an eighth of the time. Small originals make failures cheap to find and to shrink;
     * the large ones still come up.
     */
    public static Gen<Integer> sizes(int max, int small) {
        int mid = Math.max(1, Math.min(max, small * 5));
        return Gens.frequency(List.of(
                Weighted.of(4, Gens.ints(1, Math.min(max, small))),
                Weighted.of(3, Gens.ints(1, mid)),
                Weighted.of(1, Gens.ints(1, max))));
    }

    /**
     * Sample sets whose numbers stay moderate (simple fractions, small integers, the unit sphere):
     * random and collinear points with {@link Numbers#simpleFractions} coordinates, grids and
     * sphere points. For implementations in floating point, judged with a tolerance.
     */
    public static Gen<SampleSet> moderate(int maxDimension, int maxK) {
        Gen<Rational> c = Numbers.simpleFractions();
        return Gens.zip(sizes(maxDimension, 3), sizes(maxK, 12), (d, k) -> new int[] {d, k})
                .flatMap(dk -> Gens.frequency(List.of(
                        Weighted.of(1, random(dk[0], dk[1], c)),
                        Weighted.of(1, collinear(dk[0], dk[1], c)),
                        Weighted.of(1, grid(dk[0], dk[1])),
                        Weighted.of(1, sphere(dk[0], dk[1])))));
    }

    /** One family, chosen with equal weight so that every family is well covered. */
    static Gen<SampleSet> family(int d, int k) {
        return Gens.frequency(List.of(
                Weighted.of(1, random(d, k)),
                Weighted.of(1, collinear(d, k)),
                Weighted.of(1, grid(d, k)),
                Weighted.of(1, nearDuplicates(d, k)),
                Weighted.of(1, magnitudes(d, k)),
                Weighted.of(1, sphere(d, k))));
    }

    public static Gen<SampleSet> random(int d, int k) {
        return random(d, k, Numbers.mixed());
    }

    /** {@code k} random points with coordinates from {@code c} (duplicates removed). */
    public static Gen<SampleSet> random(int d, int k, Gen<Rational> c) {
        return s -> new SampleSet("random", d, distinct(s, k, src -> point(src, d, c)));
    }

    public static Gen<SampleSet> collinear(int d, int k) {
        return collinear(d, k, Numbers.mixed());
    }

    /** {@code k} points on a random line, base point, direction and positions from {@code c}. */
    public static Gen<SampleSet> collinear(int d, int k, Gen<Rational> c) {
        return s -> {
            Rational[] x0 = point(s, d, c);
            Rational[] v = point(s, d, c);
            boolean zero = true;
            for (Rational r : v) zero &= r.isZero();
            if (zero) v[0] = Rational.ONE;
            Rational[][] pts = distinct(s, k, src -> {
                Rational a = c.generate(src);
                Rational[] x = new Rational[d];
                for (int j = 0; j < d; j++) x[j] = x0[j].add(a.multiply(v[j]));
                return x;
            });
            return new SampleSet("collinear", d, pts);
        };
    }

    public static Gen<SampleSet> grid(int d, int k) {
        return s -> {
            int side = 1 + (int) s.choice(3);
            return new SampleSet("grid", d, distinct(s, k, src -> {
                Rational[] x = new Rational[d];
                for (int j = 0; j < d; j++) x[j] = Rational.of(src.choice(side));
                return x;
            }));
        };
    }

    public static Gen<SampleSet> nearDuplicates(int d, int k) {
        Gen<Rational> c = Numbers.mixed();
        Rational eps = Numbers.powerOfTen(-30);
        return s -> {
            List<Rational[]> pts = new ArrayList<>();
            while (pts.size() < k) {
                s.startSpan();
                if (!more(s, pts.size(), k)) {
                    s.endSpan();
                    break;
                }
                Rational[] x = point(s, d, c);
                pts.add(x);
                // Its near duplicate, in nine points out of ten. "None" is the simpler choice, so a
                // shrunk counterexample can keep a single point of this family; the coordinate and
                // the sign are drawn either way, so dropping the duplicate shifts no later choice.
                int j = (int) s.choice(d - 1);
                boolean below = s.bool();
                if (s.weighted(0.9) && pts.size() < k) {
                    Rational[] y = x.clone();
                    y[j] = y[j].add(below ? eps.negate() : eps);
                    pts.add(y);
                }
                s.endSpan();
            }
            Gens.closeList(s, pts.size(), 1, k);
            return new SampleSet("near-duplicate", d, dedupe(pts));
        };
    }

    public static Gen<SampleSet> magnitudes(int d, int k) {
        Gen<Rational> c = Numbers.mixed();
        return s -> {
            Rational scale = Numbers.powerOfTen(s.bool() ? -30 : 30);
            return new SampleSet("magnitude", d, distinct(s, k, src -> {
                Rational[] x = point(src, d, c);
                boolean scaled = src.choice(3) != 3; // most points scaled, some not: mixed magnitudes
                if (scaled) for (int j = 0; j < d; j++) x[j] = x[j].multiply(scale);
                return x;
            }));
        };
    }

    /** Inverse stereographic projection of rational parameters: exact points with |x| = 1. */
    public static Gen<SampleSet> sphere(int d, int k) {
        Gen<Rational> c = Numbers.simpleFractions();
        return s -> new SampleSet("sphere", d, distinct(s, k, src -> {
            if (d == 1) return new Rational[] {src.bool() ? Rational.ONE : Rational.MINUS_ONE};
            Rational[] p = point(src, d - 1, c);
            Rational norm2 = Rational.ZERO;
            for (Rational r : p) norm2 = norm2.add(r.multiply(r));
            Rational den = norm2.add(Rational.ONE);
            Rational[] x = new Rational[d];
            for (int j = 0; j < d - 1; j++) x[j] = p[j].multiply(Rational.TWO).divide(den);
            x[d - 1] = norm2.subtract(Rational.ONE).divide(den);
            return x;
        }));
    }

    /** Like {@link #sampleSets} but some points are repeated (for merging and infeasibility). */
    public static Gen<SampleSet> withRepeats(int maxDimension, int maxK) {
        return withRepeats(sampleSets(maxDimension, maxK), Integer.MAX_VALUE);
    }

    /**
     * The given sample sets with up to 5 points repeated at random places, never more than
     * {@code maxK} points in all (a set that already has {@code maxK} gets no repeat).
     *
     * <p>The repeats are a list ({@link Gens#oneMore}, each repeat in its own span: which point,
     * where the copy goes), and no bound below depends on the number of points: the point and the
     * place are drawn in a fixed range and clamped to the set. So when the shrinker deletes a point
     * of the set, every repeat reads the same choices as before (with a bound that shrank with the
     * set, a choice in {@code [0, 0]} would read nothing and shift all that follows), and a
     * counterexample of two equal points can lose every other point.
     */
    public static Gen<SampleSet> withRepeats(Gen<SampleSet> sets, int maxK) {
        return sets.flatMap(set -> s -> {
            List<Rational[]> pts = new ArrayList<>(List.of(set.points()));
            int room = Math.max(0, Math.min(MAX_REPEATS, maxK - pts.size()));
            int repeats = 0;
            while (repeats < room) {
                s.startSpan();
                if (!Gens.oneMore(s, repeats, 0, room, 0.5)) {
                    s.endSpan();
                    break;
                }
                int j = (int) Math.min(s.forced(PLACES, s.hint(pts.size() - 1)), pts.size() - 1);
                int at = (int) Math.min(s.forced(PLACES, s.hint(pts.size())), pts.size());
                pts.add(at, pts.get(j).clone());
                s.endSpan();
                repeats++;
            }
            Gens.closeList(s, repeats, 0, room);
            return new SampleSet(set.family() + "+repeats", set.dimension(), pts.toArray(new Rational[0][]));
        });
    }

    /** At most this many repeated points per set. */
    private static final int MAX_REPEATS = 5;
    /** The fixed range a repeat's point and place are drawn in (then clamped to the set). */
    private static final long PLACES = 1L << 20;

    /** Single points of {@code Q^d} with coordinates from {@code coordinates} (drawn as {@link #point} does). */
    public static Gen<Rational[]> points(int d, Gen<Rational> coordinates) {
        if (d < 1) throw new IllegalArgumentException("d must be at least 1, got " + d);
        return s -> point(s, d, coordinates);
    }

    /**
     * A point of dimension {@code d}. It always draws {@link #PAD} coordinates (or {@code d} if more)
     * and keeps the first {@code d}: then lowering {@code d} while shrinking leaves every later choice
     * where it was, so a failure usually survives the smaller dimension.
     */
    private static Rational[] point(Source s, int d, Gen<Rational> c) {
        int drawn = Math.max(d, PAD);
        Rational[] x = new Rational[d];
        s.startSpan();
        for (int j = 0; j < drawn; j++) {
            Rational v = c.generate(s);
            if (j < d) x[j] = v;
        }
        s.endSpan();
        return x;
    }

    private static Rational[][] distinct(Source s, int k, Gen<Rational[]> point) {
        List<Rational[]> pts = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            s.startSpan();
            if (!more(s, i, k)) {
                s.endSpan();
                break;
            }
            pts.add(point.generate(s));
            s.endSpan();
        }
        Gens.closeList(s, pts.size(), 1, k);
        return dedupe(pts);
    }

    /**
     * "One more point?", asked before every point, inside the point's span ({@link Gens#oneMore}:
     * the first point is always drawn, its answer recorded, so that every point's span reads alike
     * and deleting any one of them leaves the rest in step). Random runs say yes with
     * probability {@code 1 - 1/(4k)}, so about 78% of sets reach the full {@code k}; for the
     * shrinker the answer 0 ends the set there, so deleting or zeroing one span drops the rest of
     * the points at once instead of leaving a tail of zero points that merge into one.
     */
    private static boolean more(Source s, int drawn, int k) {
        return Gens.oneMore(s, drawn, 1, k, 1 - 1.0 / (4.0 * k));
    }

    private static Rational[][] dedupe(List<Rational[]> pts) {
        Set<List<Rational>> seen = new LinkedHashSet<>();
        List<Rational[]> out = new ArrayList<>();
        for (Rational[] p : pts) if (seen.add(List.of(p))) out.add(p);
        return out.toArray(new Rational[0][]);
    }
}
