package org.ftc.arith;

import java.math.BigDecimal;
import org.apfloat.Apfloat;
import org.apfloat.Apint;

/**
 * Apfloat numbers at a precision of {@code digits} significant decimal digits, chosen by the caller.
 * Every operation rounds to that precision; {@link #toRational} gives the exact decimal value held.
 */
public final class ApfloatField implements Field<Apfloat> {
    private final long digits;
    private final Apfloat zero;
    private final Apfloat one;

    public ApfloatField(long digits) {
        if (digits < 1) throw new IllegalArgumentException("precision must be at least 1 digit, got " + digits);
        this.digits = digits;
        this.zero = new Apfloat(0, digits);
        this.one = new Apfloat(1, digits);
    }

    public long digits() {
        return digits;
    }

    @Override public String name() { return "apfloat(" + digits + ")"; }
    @Override public boolean isExact() { return false; }
    @Override public Apfloat zero() { return zero; }
    @Override public Apfloat one() { return one; }

    @Override
    public Apfloat fromRational(Rational q) {
        Apfloat n = new Apint(q.numerator()).precision(digits);
        if (q.isInteger()) return n;
        return n.divide(new Apint(q.denominator()).precision(digits));
    }

    @Override
    public Rational toRational(Apfloat x) {
        if (x.signum() == 0) return Rational.ZERO;
        return Rational.of(new BigDecimal(x.toString(false)));
    }

    @Override public Apfloat add(Apfloat a, Apfloat b) { return a.add(b); }
    @Override public Apfloat subtract(Apfloat a, Apfloat b) { return a.subtract(b); }
    @Override public Apfloat multiply(Apfloat a, Apfloat b) { return a.multiply(b); }

    @Override
    public Apfloat divide(Apfloat a, Apfloat b) {
        if (b.signum() == 0) throw new ArithmeticException("division by zero");
        return a.divide(b);
    }

    @Override public Apfloat negate(Apfloat a) { return a.negate(); }
    @Override public int signum(Apfloat a) { return a.signum(); }
    @Override public int compare(Apfloat a, Apfloat b) { return a.compareTo(b); }
    @Override public Apfloat[] newArray(int length) { return new Apfloat[length]; }
    @Override public String toString() { return name(); }
}
