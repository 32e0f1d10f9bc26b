package org.ftc.arith;

/**
 * The arithmetic a construction is written against, once, for every number type the suite runs:
 * exact rationals ({@link RationalField}, {@link AprationalField}), Apfloat at a chosen precision
 * ({@link ApfloatField}) and {@code double} ({@link DoubleField}).
 *
 * <p>Every element has an exact value ({@link #toRational}), so a network built in any field can be
 * judged exactly. Only an exact field can make a construction exact; the others are measured.
 */
public interface Field<T> {
    /** A short name for reports: {@code exact}, {@code aprational}, {@code apfloat(50)}, {@code double}. */
    String name();

    /** Whether every operation is exact (no rounding). */
    boolean isExact();

    T zero();

    T one();

    /** The element nearest to {@code q} (exactly {@code q} in an exact field). */
    T fromRational(Rational q);

    /** The exact value of {@code x}. Throws {@link ArithmeticException} if {@code x} is not finite. */
    Rational toRational(T x);

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    /** Throws {@link ArithmeticException} on division by zero. */
    T divide(T a, T b);

    T negate(T a);

    int signum(T a);

    T[] newArray(int length);

    default T fromLong(long v) {
        return fromRational(Rational.of(v));
    }

    default int compare(T a, T b) {
        return signum(subtract(a, b));
    }

    /**
     * {@code start + sum_j w_j x_j}, the affine map of a layer. The default adds term by term in
     * order, skipping zero weights; exact fields may normalise once per call instead
     * ({@link RationalField}), which gives the same exact value.
     */
    default T dot(T[] w, T[] x, T start) {
        T acc = start;
        for (int j = 0; j < w.length; j++) {
            if (signum(w[j]) != 0) acc = add(acc, multiply(w[j], x[j]));
        }
        return acc;
    }

    default T relu(T a) {
        return signum(a) > 0 ? a : zero();
    }
}
