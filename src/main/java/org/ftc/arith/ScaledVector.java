package org.ftc.arith;

/**
 * A vector of rationals as integers over one common denominator, {@code x = a / L} with
 * {@code a_j} and {@code L > 0} in {@code long}s, so that linear forms in {@code x} cost integer
 * multiply-adds and one reduction at the end. Only for vectors whose entries are small and whose
 * common denominator and scaled entries fit in a {@code long}; {@link #of} says when not.
 */
public final class ScaledVector {
    private final long[] scaled;
    private final long denominator;

    private ScaledVector(long[] scaled, long denominator) {
        this.scaled = scaled;
        this.denominator = denominator;
    }

    /** {@code x} as {@code a / L} with {@code L} the lcm of the denominators, or null if it does not fit in longs. */
    public static ScaledVector of(Rational[] x) {
        long lcm = 1;
        for (Rational v : x) {
            if (!v.isSmall()) return null;
            long d = v.smallDenominator();
            long g = Rational.gcd(lcm, d);
            long h = Math.multiplyHigh(lcm / g, d), l = (lcm / g) * d;
            if (h != 0 || l < 0) return null;
            lcm = l;
        }
        long[] a = new long[x.length];
        for (int j = 0; j < x.length; j++) {
            long factor = lcm / x[j].smallDenominator();
            long n = x[j].smallNumerator();
            long h = Math.multiplyHigh(n, factor), l = n * factor;
            if (h != (l >> 63)) return null;
            a[j] = l;
        }
        return new ScaledVector(a, lcm);
    }

    /**
     * {@code w . x} exactly: on the integers of {@code scaledX} (the scaled form of {@code x}, or null)
     * when {@code integerW} ({@link #integers} of {@code w}, or null) is given and everything fits in
     * longs, else as a {@link Rational#dot}.
     */
    public static Rational dot(Rational[] w, long[] integerW, ScaledVector scaledX, Rational[] x) {
        Rational fast = integerW != null && scaledX != null ? scaledX.dot(integerW) : null;
        return fast != null ? fast : Rational.dot(w, x, Rational.ZERO);
    }

    /**
     * {@code w . x} for integer weights, exactly (integer multiply-adds, one reduction), or null if
     * an intermediate integer leaves the range of a {@code long}.
     */
    public Rational dot(long[] w) {
        if (w.length != scaled.length) throw new IllegalArgumentException("dot product of lengths " + w.length + " and " + scaled.length);
        long acc = 0;
        for (int j = 0; j < w.length; j++) {
            long h = Math.multiplyHigh(w[j], scaled[j]), l = w[j] * scaled[j];
            if (h != (l >> 63)) return null;
            long s = acc + l;
            if (((acc ^ s) & (l ^ s)) < 0) return null;
            acc = s;
        }
        return Rational.of(acc, denominator);
    }

    /** The entries as {@code long}s when every one is an integer that fits, else null. */
    public static long[] integers(Rational[] w) {
        long[] out = new long[w.length];
        for (int j = 0; j < w.length; j++) {
            if (!w[j].isSmall() || w[j].smallDenominator() != 1) return null;
            out[j] = w[j].smallNumerator();
        }
        return out;
    }
}
