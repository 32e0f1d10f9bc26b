package org.ftc.arith;

import java.math.BigInteger;

/**
 * An exact sum of many terms and products, normalised once at the end instead of after every
 * addition: the accumulator of a dot product.
 *
 * <p>While every term is dyadic (an integer over a power of two: floats, hex literals, binary
 * fractions) the sum is held as {@code acc / 2^scale}: a {@code long} while it fits, then a
 * {@code BigInteger}; terms are aligned by shifts, and no gcd is ever taken. The first non-dyadic
 * term switches to a general numerator over a common denominator (extended by
 * {@code d / gcd(D, d)} per term, so it stays the lcm); {@link #value} reduces once. Past
 * {@link #REDUCE_ABOVE_BITS} the sum is reduced and continued term by term in lowest terms; so
 * is a sum whose first non-dyadic term is small (then {@code Rational}'s {@code long} path wins). Every
 * representation holds the exact sum; {@code ExactSumProperties} checks it against
 * {@link Rational#add} and {@link Rational#multiply} term by term.
 */
public final class ExactSum {
    private enum Mode { DYADIC_LONG, DYADIC_BIG, GENERAL, REDUCED }

    /**
     * A common denominator longer than this is reduced at once and the sum continued term by term
     * in lowest terms: one final gcd of a numerator and a denominator of hundreds of thousands of
     * bits costs far more than the small gcds of adding one term at a time.
     */
    static final int REDUCE_ABOVE_BITS = 2048;

    private Mode mode = Mode.DYADIC_LONG;
    /** Dyadic modes: the sum is {@code acc / 2^scale} ({@code bigAcc} in {@code DYADIC_BIG}). */
    private long acc;
    private BigInteger bigAcc;
    private int scale;
    /** General mode: the sum is {@code num / den}, not reduced, {@code den > 0}. */
    private BigInteger num;
    private BigInteger den;
    /** Reduced mode: the sum in lowest terms. */
    private Rational reduced;

    /** Adds {@code q}. */
    public ExactSum add(Rational q) {
        if (q.isZero()) return this;
        if (q.isSmall()) {
            long d = q.smallDenominator();
            if ((d & (d - 1)) == 0) {
                addDyadic(q.smallNumerator(), Long.numberOfTrailingZeros(d));
                return this;
            }
        } else if (Rational.isPowerOfTwo(q.denominator())) {
            addDyadic(q.numerator(), q.denominator().bitLength() - 1);
            return this;
        }
        addGeneral(q.numerator(), q.denominator());
        return this;
    }

    /** Adds {@code a * b}. */
    public ExactSum addProduct(Rational a, Rational b) {
        if (a.isZero() || b.isZero()) return this;
        if (a.isSmall() && b.isSmall()) {
            long da = a.smallDenominator(), db = b.smallDenominator();
            if (((da & (da - 1)) | (db & (db - 1))) == 0) {
                long na = a.smallNumerator(), nb = b.smallNumerator();
                int e = Long.numberOfTrailingZeros(da) + Long.numberOfTrailingZeros(db);
                long hi = Math.multiplyHigh(na, nb), lo = na * nb;
                if (hi == (lo >> 63)) addDyadic(lo, e);
                else addDyadic(BigInteger.valueOf(na).multiply(BigInteger.valueOf(nb)), e);
                return this;
            }
        }
        BigInteger da = a.denominator(), db = b.denominator();
        if (Rational.isPowerOfTwo(da) && Rational.isPowerOfTwo(db)) {
            addDyadic(a.numerator().multiply(b.numerator()), da.bitLength() - 1 + db.bitLength() - 1);
        } else {
            addGeneral(a.numerator().multiply(b.numerator()), da.multiply(db));
        }
        return this;
    }

    /** The sum, in lowest terms. */
    public Rational value() {
        switch (mode) {
            case DYADIC_LONG:
                if (acc == Long.MIN_VALUE) return Rational.dyadic(BigInteger.valueOf(acc), -scale);
                return Rational.dyadic(acc, -scale);
            case DYADIC_BIG:
                return Rational.dyadic(bigAcc, -scale);
            case GENERAL:
                return Rational.of(num, den);
            default:
                return reduced;
        }
    }

    private void addDyadic(long m, int e) {
        if (mode == Mode.DYADIC_LONG) {
            long a = acc, b = m;
            int s = scale;
            if (e > s) {
                a = Rational.shiftExact(a, e - s);
                s = e;
            } else if (e < s) {
                b = Rational.shiftExact(b, s - e);
            }
            long n = a + b;
            if (a != Long.MIN_VALUE && b != Long.MIN_VALUE && ((a ^ n) & (b ^ n)) >= 0) {
                acc = n;
                scale = s;
                return;
            }
            toBig();
        }
        addDyadic(BigInteger.valueOf(m), e);
    }

    private void addDyadic(BigInteger m, int e) {
        if (mode == Mode.DYADIC_LONG) toBig();
        if (mode == Mode.DYADIC_BIG) {
            if (e > scale) {
                bigAcc = bigAcc.shiftLeft(e - scale);
                scale = e;
            }
            bigAcc = bigAcc.add(e < scale ? m.shiftLeft(scale - e) : m);
            return;
        }
        addGeneral(m, BigInteger.ONE.shiftLeft(e));
    }

    private void toBig() {
        bigAcc = BigInteger.valueOf(acc);
        mode = Mode.DYADIC_BIG;
    }

    private void addGeneral(BigInteger n, BigInteger d) {
        if (mode == Mode.REDUCED) {
            reduced = reduced.add(Rational.of(n, d));
            return;
        }
        if (mode != Mode.GENERAL && d.bitLength() < 63 && n.bitLength() < 63) {
            // Small general terms: Rational's long path (overflow-checked, a binary gcd of longs)
            // is faster than any BigInteger accumulation.
            reduced = value().add(Rational.of(n, d));
            mode = Mode.REDUCED;
            bigAcc = null;
            return;
        }
        if (mode != Mode.GENERAL) {
            num = mode == Mode.DYADIC_LONG ? BigInteger.valueOf(acc) : bigAcc;
            den = BigInteger.ONE.shiftLeft(scale);
            mode = Mode.GENERAL;
            bigAcc = null;
        }
        if (d.equals(den)) {
            num = num.add(n);
            return;
        }
        BigInteger g = Rational.gcd(d, den);
        if (g.equals(BigInteger.ONE)) {
            num = num.multiply(d).add(n.multiply(den));
            den = den.multiply(d);
        } else {
            BigInteger dg = d.divide(g);
            num = num.multiply(dg).add(n.multiply(den.divide(g)));
            den = den.multiply(dg);
        }
        if (den.bitLength() > REDUCE_ABOVE_BITS) {
            // Huge denominators: reduce now and add term by term from here on, where each
            // addition meets only gcds with one term's denominator (Rational.add).
            reduced = Rational.of(num, den);
            mode = Mode.REDUCED;
            num = null;
            den = null;
        }
    }
}
