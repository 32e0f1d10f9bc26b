package org.ftc.arith;

/** Exact rationals on the project's fast {@link Rational}: the default field. */
public final class RationalField implements Field<Rational> {
    public static final RationalField INSTANCE = new RationalField();

    private RationalField() {
    }

    @Override public String name() { return "exact"; }
    @Override public boolean isExact() { return true; }
    @Override public Rational zero() { return Rational.ZERO; }
    @Override public Rational one() { return Rational.ONE; }
    @Override public Rational fromRational(Rational q) { return q; }
    @Override public Rational toRational(Rational x) { return x; }
    @Override public Rational add(Rational a, Rational b) { return a.add(b); }
    @Override public Rational subtract(Rational a, Rational b) { return a.subtract(b); }
    @Override public Rational multiply(Rational a, Rational b) { return a.multiply(b); }
    @Override public Rational divide(Rational a, Rational b) { return a.divide(b); }
    @Override public Rational dot(Rational[] w, Rational[] x, Rational start) { return Rational.dot(w, x, start); }
    @Override public Rational negate(Rational a) { return a.negate(); }
    @Override public int signum(Rational a) { return a.signum(); }
    @Override public int compare(Rational a, Rational b) { return a.compareTo(b); }
    @Override public Rational[] newArray(int length) { return new Rational[length]; }
    @Override public String toString() { return name(); }
}
