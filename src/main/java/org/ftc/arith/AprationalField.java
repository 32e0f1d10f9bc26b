package org.ftc.arith;

import org.apfloat.Apint;
import org.apfloat.Aprational;

/** Exact rationals on Apfloat's {@link Aprational}: the reference the fast {@link RationalField} is checked against. */
public final class AprationalField implements Field<Aprational> {
    public static final AprationalField INSTANCE = new AprationalField();

    private AprationalField() {
    }

    @Override public String name() { return "aprational"; }
    @Override public boolean isExact() { return true; }
    @Override public Aprational zero() { return Aprational.ZERO; }
    @Override public Aprational one() { return Aprational.ONE; }

    @Override
    public Aprational fromRational(Rational q) {
        return new Aprational(new Apint(q.numerator()), new Apint(q.denominator()));
    }

    @Override
    public Rational toRational(Aprational x) {
        return Rational.of(x.numerator().toBigInteger(), x.denominator().toBigInteger());
    }

    @Override public Aprational add(Aprational a, Aprational b) { return a.add(b); }
    @Override public Aprational subtract(Aprational a, Aprational b) { return a.subtract(b); }
    @Override public Aprational multiply(Aprational a, Aprational b) { return a.multiply(b); }

    @Override
    public Aprational divide(Aprational a, Aprational b) {
        if (b.signum() == 0) throw new ArithmeticException("division by zero");
        return a.divide(b);
    }

    @Override public Aprational negate(Aprational a) { return a.negate(); }
    @Override public int signum(Aprational a) { return a.signum(); }
    @Override public int compare(Aprational a, Aprational b) { return a.compareTo(b); }
    @Override public Aprational[] newArray(int length) { return new Aprational[length]; }
    @Override public String toString() { return name(); }
}
