package org.ftc.construct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ftc.arith.Rational;
import org.ftc.gen.SampleSet;
import org.ftc.gen.Samples;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** PROJ (proofs-notes/PROJ-projection.md): a separating direction is always found and is exact. */
class ProjectionProperties {
    @Test
    void distinctPointsGetDistinctExactProjections() {
        Property.forAll(Samples.sampleSets()).printer(SampleSet::toString).cover("T > 1 needed", 5)
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
                    // The search stops at the first working T, within the proven bound.
                    long k = x.length, d = set.dimension();
                    assertThat(p.base()).isLessThanOrEqualTo((d - 1) * (k * (k - 1) / 2) + 1);
                    ctx.classify(p.base() > 1, "T > 1 needed");
                    ctx.label("family " + set.family());
                });
    }

    @Test
    void equalPointsAreRefusedByName() {
        Rational[][] x = {{Rational.ONE, Rational.ZERO}, {Rational.ZERO, Rational.ONE}, {Rational.ONE, Rational.ZERO}};
        assertThatThrownBy(() -> Projection.find(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points 0 and 2 are equal");
    }
}
