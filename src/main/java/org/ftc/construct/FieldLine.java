package org.ftc.construct;

import org.ftc.arith.Field;
import org.ftc.arith.Rational;
import org.ftc.instance.Residuals;

/**
 * A {@link SortedLine} seen in a field {@code T}: the direction {@code u}, the projections
 * {@code t_j} and the values {@code v_j} as elements of {@code T}, each computed once when first
 * asked. In an exact field {@code t_j} is the exact projection; in a rounded field it is
 * {@code u . x} computed in that field, so a rounded construction sees its own projections.
 */
final class FieldLine<T> {
    final Field<T> field;
    final SortedLine line;
    final T[] u;
    private final T[] t;
    private final Rational[][] points;
    private final int[] order;

    FieldLine(Field<T> field, SortedLine line, Residuals residuals, int dimension) {
        this.field = field;
        this.line = line;
        this.u = field.newArray(dimension);
        java.math.BigInteger[] pu = line.projection.u();
        for (int j = 0; j < dimension; j++) u[j] = j < pu.length ? field.fromRational(Rational.of(pu[j])) : field.zero();
        this.points = residuals.pointsView();
        this.order = line.projection.order();
        this.t = field.newArray(line.k);
    }

    /** {@code t_j = u . x} in the field. */
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

    /** A {@code rows x cols} matrix of the field's element type. */
    @SuppressWarnings("unchecked")
    static <T> T[][] matrix(Field<T> field, int rows, int cols) {
        T[][] a = (T[][]) java.lang.reflect.Array.newInstance(field.newArray(0).getClass(), rows);
        for (int i = 0; i < rows; i++) a[i] = field.newArray(cols);
        return a;
    }
}
