package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ftc.arith.Rational;
import org.ftc.gen.SampleSet;
import org.ftc.gen.Samples;
import org.ftc.prop.Gen;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.ftc.prop.Weighted;
import org.junit.jupiter.api.Test;

/** PROJ (proofs-notes/PROJ-projection.md): a separating direction is always found and is exact. */
class ProjectionProperties {
    @Test
    void distinctPointsGetDistinctExactProjections() {
        Property.forAll(Samples.sampleSets()).printer(SampleSet::toString).cover("T > 1 needed", 3)
                .check((set, ctx) -> {
                    Rational[][] x = set.points();
                    Projection p = Projection.find(x);
                    Rational[] u = p.direction();
                    // u = (1, T, T^2, ...)
                    Rational power = Rational.ONE;
                    for (Rational uj : u) {
                        assertThat(uj).isEqualTo(power);
                        power = power.multiply(Rational.of(p.base()));
                    }
                    for (int i = 0; i < x.length; i++) {
                        Rational dot = Rational.ZERO;
                        for (int j = 0; j < u.length; j++) dot = dot.add(u[j].multiply(x[i][j]));
                        assertThat(p.t()[i]).isEqualTo(dot);
                    }
                    Rational[] sorted = p.sortedT();
                    for (int i = 1; i < sorted.length; i++) assertThat(sorted[i - 1]).isLessThan(sorted[i]);
                    // Either a small T, within the proven bound, or the guaranteed one.
                    long k = x.length, d = set.dimension();
                    if (p.base().compareTo(java.math.BigInteger.valueOf(Projection.SMALL_TRIES)) <= 0) {
                        assertThat(p.base().longValueExact()).isLessThanOrEqualTo((d - 1) * (k * (k - 1) / 2) + 1);
                    } else {
                        assertThat(p.base()).isEqualTo(Projection.guaranteedBase(x));
                    }
                    ctx.classify(p.base().compareTo(java.math.BigInteger.ONE) > 0, "T > 1 needed");
                    ctx.label("family " + set.family());
                });
    }

    /**
     * Points built to defeat every small {@code T}: the differences are the coefficient vectors of
     * {@code prod (T - k)} over blocks of 19 consecutive {@code k} (so in {@code d = 20}), covering
     * {@code T = 1..76}. The search must fall back to the guaranteed base, which separates them.
     */
    /** The differences are the coefficients of prod (T - k) over four blocks of 19 consecutive k. */
    static Rational[][] adversarialPoints() {
        int d = 20;
        java.util.List<Rational[]> pts = new java.util.ArrayList<>();
        Rational[] origin = new Rational[d];
        java.util.Arrays.fill(origin, Rational.ZERO);
        pts.add(origin);
        for (int block = 0; block < 4; block++) {
            // coefficients of prod_{k = 19 block + 1}^{19 block + 19} (T - k), lowest degree first
            java.math.BigInteger[] c = {java.math.BigInteger.ONE};
            for (int k = 19 * block + 1; k <= 19 * block + 19; k++) {
                java.math.BigInteger[] next = new java.math.BigInteger[c.length + 1];
                java.util.Arrays.fill(next, java.math.BigInteger.ZERO);
                for (int i = 0; i < c.length; i++) {
                    next[i + 1] = next[i + 1].add(c[i]);
                    next[i] = next[i].subtract(c[i].multiply(java.math.BigInteger.valueOf(k)));
                }
                c = next;
            }
            Rational[] x = new Rational[d];
            for (int j = 0; j < d; j++) x[j] = Rational.of(c[j]);
            pts.add(x);
        }
        return pts.toArray(new Rational[0][]);
    }

    @Test
    void adversarialPointsFallBackToTheGuaranteedBase() {
        int d = 20;
        Rational[][] x = adversarialPoints();
        // Each block's point collides with the origin at its 19 roots: no T <= 64 works.
        for (int block = 0; block < 4; block++) {
            for (int root = 19 * block + 1; root <= 19 * block + 19; root++) {
                Rational tAt = Rational.ZERO, power = Rational.ONE;
                for (int j = 0; j < d; j++) {
                    tAt = tAt.add(x[block + 1][j].multiply(power));
                    power = power.multiply(Rational.of(root));
                }
                assertThat(tAt).as("block %d vanishes at %d", block, root).isEqualTo(Rational.ZERO);
            }
        }
        Projection p = Projection.find(x);
        assertThat(p.base()).isEqualTo(Projection.guaranteedBase(x));
        Rational[] sorted = p.sortedT();
        for (int i = 1; i < sorted.length; i++) assertThat(sorted[i - 1]).isLessThan(sorted[i]);
    }

    /**
     * Many distinct denominators must not blow up the fallback: the adversarial points plus 50 points
     * whose coordinates are 1/p for primes p near 10^12. With the bound {@code 2 + ceil(2M/delta)}:
     * M is about 10^35 (the coefficients) and delta at least about 10^-25, so T0 has about 60 digits
     * (an lcm-based bound had over 12,000).
     */
    @Test
    void theGuaranteedBaseStaysSmallWithManyDenominators() {
        Rational[][] adversarial = adversarialPoints();
        java.util.List<Rational[]> pts = new java.util.ArrayList<>(java.util.List.of(adversarial));
        java.math.BigInteger prime = java.math.BigInteger.TEN.pow(12);
        for (int i = 0; i < 50; i++) {
            prime = prime.nextProbablePrime();
            Rational[] x = new Rational[20];
            for (int j = 0; j < 20; j++) x[j] = Rational.of(java.math.BigInteger.ONE, prime.add(java.math.BigInteger.valueOf(j)));
            pts.add(x);
        }
        Rational[][] x = pts.toArray(new Rational[0][]);
        assertThat(Projection.guaranteedBase(x).toString().length()).isLessThan(100);
        Projection p = Projection.find(x);
        Rational[] sorted = p.sortedT();
        for (int i = 1; i < sorted.length; i++) assertThat(sorted[i - 1]).isLessThan(sorted[i]);
    }

    private static final Rational[][] ADVERSARIAL = adversarialPoints();

    /** Points with a copy of point {@code from} inserted at position {@code to}. */
    private record WithCopy(Rational[][] points, int from, int to, boolean adversarial) {
        Rational[][] withCopy() {
            java.util.List<Rational[]> l = new java.util.ArrayList<>(java.util.List.of(points));
            l.add(to, points[from].clone());
            return l.toArray(new Rational[0][]);
        }
    }

    /**
     * A copy of one point, put anywhere, is refused by name whatever the other points do: the first
     * coincidence a small {@code T} meets may be between distinct points (then that {@code T} is
     * dropped), but the equal pair is found at the latest at the guaranteed base. The adversarial
     * points defeat every small {@code T}, so there the refusal comes from the guaranteed base.
     */
    @Test
    void aCopiedPointIsRefusedByNameWhereverItSits() {
        Gen<Rational[][]> sets = Gens.frequency(java.util.List.of(new Weighted<>(4, Samples.sampleSets().map(SampleSet::points)),
                new Weighted<>(1, Gens.constant(ADVERSARIAL))));
        Gen<WithCopy> cases = sets.flatMap(x -> Gens.zip(Gens.ints(0, x.length - 1), Gens.ints(0, x.length),
                (from, to) -> new WithCopy(x, from, to, x == ADVERSARIAL)));
        Property.forAll(cases).printer(c -> java.util.Arrays.deepToString(c.withCopy())).cover("adversarial", 5)
                .check((c, ctx) -> {
                    int first = c.to() <= c.from() ? c.to() : c.from();
                    int second = c.to() <= c.from() ? c.from() + 1 : c.to();
                    assertThatThrownBy(() -> Projection.find(c.withCopy())).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("points " + first + " and " + second + " are equal");
                    ctx.classify(c.adversarial(), "adversarial");
                });
    }

    @Test
    void equalPointsAreRefusedByName() {
        Rational[][] x = {{Rational.ONE, Rational.ZERO}, {Rational.ZERO, Rational.ONE}, {Rational.ONE, Rational.ZERO}};
        assertThatThrownBy(() -> Projection.find(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points 0 and 2 are equal");
    }
}
