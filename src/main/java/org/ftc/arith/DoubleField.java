package org.ftc.arith;

/** IEEE {@code double}. Its values convert exactly (a double is its binary value) for judging. */
public final class DoubleField implements Field<Double> {
    public static final DoubleField INSTANCE = new DoubleField();
    private static final Double ZERO = 0.0;
    private static final Double ONE = 1.0;

    private DoubleField() {
    }

    @Override public String name() { return "double"; }
    @Override public boolean isExact() { return false; }
    @Override public Double zero() { return ZERO; }
    @Override public Double one() { return ONE; }
    @Override public Double fromRational(Rational q) { return q.doubleValue(); }
    @Override public Rational toRational(Double x) { return Rational.of(x.doubleValue()); }
    @Override public Double add(Double a, Double b) { return a + b; }
    @Override public Double subtract(Double a, Double b) { return a - b; }
    @Override public Double multiply(Double a, Double b) { return a * b; }

    @Override
    public Double divide(Double a, Double b) {
        if (b == 0) throw new ArithmeticException("division by zero");
        return a / b;
    }

    @Override public Double negate(Double a) { return -a; }
    @Override public int signum(Double a) { return a > 0 ? 1 : a < 0 ? -1 : 0; }
    @Override public int compare(Double a, Double b) { return a < b ? -1 : a > b ? 1 : 0; }
    @Override public Double[] newArray(int length) { return new Double[length]; }
    @Override public String toString() { return name(); }
}
