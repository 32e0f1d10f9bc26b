package org.ftc.arith;

import java.math.BigInteger;

/**
 * An exact sum of many terms and products, normalised once at the end instead of after every
 * addition: the accumulator of a dot product.
 *
 * <p>While every term is dyadic (an integer over a power of two: floats, hex literals, binary
 * fractions) the sum is held as {@code acc / 2^scale}: a {@code long} while it fits, then a
 * {@code BigInteger}; terms are aligned by shifts, and no gcd is ever taken. The first non-dyadic
 * term switches to a general numerator over a common denominator, extended by
 * {@code d / gcd(D, d)} per term (nothing when {@code d} divides it), so it stays the lcm: in two
 * {@code long}s while every step fits (small fractions: one gcd of the denominators at most per
 * term, none of the numerators), then in {@code BigInteger}; {@link #value} reduces once. Past
 * {@link #REDUCE_ABOVE_BITS} the sum is reduced and continued term by term in lowest terms. Every
 * representation holds the exact sum; {@code DyadicProperties} and {@code ExactSumProperties}
 * check it against Apfloat and against {@link Rational#add} and {@link Rational#multiply} term by
 * term, across the overflow boundaries of every mode.
 */
public final class ExactSum {
    private enum Mode { DYADIC_LONG, DYADIC_BIG, GENERAL_LONG, GENERAL, REDUCED }

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
    /** General long mode: the sum is {@code longNum / longDen}, not reduced, {@code longDen > 0}. */
    private long longNum;
    private long longDen;
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
            if ((d & (d - 1)) == 0 && mode != Mode.GENERAL_LONG) {
                addDyadic(q.smallNumerator(), Long.numberOfTrailingZeros(d));
                return this;
            }
            if (addSmallGeneral(q.smallNumerator(), d)) return this;
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
            if (((da & (da - 1)) | (db & (db - 1))) == 0 && mode != Mode.GENERAL_LONG) {
                long na = a.smallNumerator(), nb = b.smallNumerator();
                int e = Long.numberOfTrailingZeros(da) + Long.numberOfTrailingZeros(db);
                long hi = Math.multiplyHigh(na, nb), lo = na * nb;
                if (hi == (lo >> 63)) addDyadic(lo, e);
                else addDyadic(BigInteger.valueOf(na).multiply(BigInteger.valueOf(nb)), e);
                return this;
            }
            // Small general factors: the product in longs when it fits (no gcd; the sum is reduced once).
            long na = a.smallNumerator(), nb = b.smallNumerator();
            long hn = Math.multiplyHigh(na, nb), ln = na * nb;
            long hd = Math.multiplyHigh(da, db), ld = da * db;
            if (hn == (ln >> 63) && ln != Long.MIN_VALUE && hd == 0 && ld > 0 && addSmallGeneral(ln, ld)) return this;
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
            case GENERAL_LONG:
                return Rational.of(longNum, longDen);
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
        if (mode == Mode.GENERAL_LONG) {
            addGeneral(m, BigInteger.ONE.shiftLeft(e));
            return;
        }
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

    /**
     * Adds {@code n / d} ({@code d > 0}, {@code n != Long.MIN_VALUE}) in the general long mode:
     * the common denominator grows by {@code d / gcd(D, d)} (nothing when {@code d} divides it),
     * every step overflow-checked. False, with nothing changed, when the term does not fit there;
     * the caller then takes the {@code BigInteger} path.
     */
    private boolean addSmallGeneral(long n, long d) {
        if (mode == Mode.DYADIC_LONG) {
            if (scale > 61) return false;
            longNum = acc;
            longDen = 1L << scale;
        } else if (mode != Mode.GENERAL_LONG) {
            return false;
        }
        long nextNum, nextDen;
        try {
            if (d == longDen) {
                nextNum = Math.addExact(longNum, n);
                nextDen = longDen;
            } else if (longDen % d == 0) {
                nextNum = Math.addExact(longNum, Math.multiplyExact(n, longDen / d));
                nextDen = longDen;
            } else {
                long g = Rational.gcd(longDen, d);
                long dg = d / g;
                nextDen = Math.multiplyExact(longDen, dg);
                nextNum = Math.addExact(Math.multiplyExact(longNum, dg), Math.multiplyExact(n, longDen / g));
            }
        } catch (ArithmeticException overflow) {
            return continueInBigInteger(n, d);
        }
        if (nextNum == Long.MIN_VALUE) return continueInBigInteger(n, d);
        longNum = nextNum;
        longDen = nextDen;
        mode = Mode.GENERAL_LONG;
        return true;
    }

    /** The long form overflowed adding {@code n/d}: false on the dyadic path, else the sum goes on in BigInteger from the exact state held so far. */
    private boolean continueInBigInteger(long n, long d) {
        if (mode == Mode.DYADIC_LONG) return false;
        num = BigInteger.valueOf(longNum);
        den = BigInteger.valueOf(longDen);
        mode = Mode.GENERAL;
        addGeneral(BigInteger.valueOf(n), BigInteger.valueOf(d));
        return true;
    }

    private void addGeneral(BigInteger n, BigInteger d) {
        if (mode == Mode.REDUCED) {
            reduced = reduced.add(Rational.of(n, d));
            return;
        }
        if ((mode == Mode.DYADIC_LONG || mode == Mode.GENERAL_LONG) && d.bitLength() < 63 && n.bitLength() < 63
                && addSmallGeneral(n.longValue(), d.longValue())) {
            return;
        }
        if (mode == Mode.GENERAL_LONG) {
            num = BigInteger.valueOf(longNum);
            den = BigInteger.valueOf(longDen);
            mode = Mode.GENERAL;
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
