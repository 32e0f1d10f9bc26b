package org.ftc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ftc.arith.Rational;
import org.ftc.prop.Gens;
import org.ftc.prop.Property;
import org.junit.jupiter.api.Test;

/** {@link PiecewiseLinear#valuesAtSorted} (one slope and intercept per piece) equals {@link PiecewiseLinear#valueAt} point by point. */
class PiecewiseLinearProperties {

    @Test
    void valuesAtSortedPointsAreTheValuesAtEachPoint() {
        Property.forAll(Gens.zip(Gens.lists(Gens.rationals(), 1, 8), Gens.lists(Gens.rationals(), 8, 8), Gens.lists(Gens.rationals(), 0, 12),
                        Gens.lists(Gens.rationals(), 2, 2), (knots, values, points, slopes) -> new Object[] {knots, values, points, slopes}))
                .check((p, ctx) -> {
                    @SuppressWarnings("unchecked") List<Rational> knots = new ArrayList<>(new TreeSet<>((List<Rational>) p[0]));
                    @SuppressWarnings("unchecked") List<Rational> values = ((List<Rational>) p[1]).subList(0, knots.size());
                    @SuppressWarnings("unchecked") List<Rational> points = new ArrayList<>((List<Rational>) p[2]);
                    @SuppressWarnings("unchecked") List<Rational> slopes = (List<Rational>) p[3];
                    points.addAll(knots.subList(0, knots.size() / 2)); // some points on knots
                    points.sort(null);
                    PiecewiseLinear f = PiecewiseLinear.of(knots, values, slopes.get(0), slopes.get(1));
                    Rational[] got = f.valuesAtSorted(points.toArray(new Rational[0]));
                    for (int i = 0; i < got.length; i++) assertThat(got[i]).isEqualTo(f.valueAt(points.get(i)));
                });
    }
}
