package org.ftc.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number in lowest terms with a positive denominator.
 *
 * <p>Small values (numerator and denominator both fit in a {@code long} other than
 * {@code Long.MIN_VALUE}) are held as two {@code long}s and computed with overflow-checked
 * arithmetic; anything larger falls back to {@link BigInteger}. Every result is normalised to the
 * small form when it fits, so {@link #equals} and {@link #hashCode} only see canonical values.
 * This is the project's fast exact path: Apfloat's {@code Aprational} ran at about 2.7e5 small
 * operations per second here, too slow for {@code K = 100,000} samples (see README, "Arithmetic").
 * {@code AprationalField} stays the reference and a property checks the two agree.
 */
public final class Rational implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);
    public static final Rational MINUS_ONE = new Rational(-1, 1);
    public static final Rational TWO = new Rational(2, 1);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /**
     * Shared instances of the small values {@code n/d}, {@code |n| <= 1024}, {@code 1 <= d <= 16}
     * (in lowest terms), made on first use: data with small integers and fractions repeat them
     * millions of times (a sample file of {@code 10^6} points of 16 such coordinates held 16 million
     * objects). Instances are immutable with final fields, so a racy first fill is safe.
     */
    private static final int CACHED_NUMERATOR = 1024, CACHED_DENOMINATOR = 16;
    private static final Rational[] CACHED = new Rational[(2 * CACHED_NUMERATOR + 1) * CACHED_DENOMINATOR];

    static {
        for (Rational r : new Rational[] {ZERO, ONE, MINUS_ONE, TWO}) CACHED[(int) ((r.num + CACHED_NUMERATOR) * CACHED_DENOMINATOR)] = r;
    }

    /** Small form: valid when {@code bigNum == null}. */
    private final long num;
    private final long den;
    /** Large form: both non-null, or both null. */
    private final BigInteger bigNum;
    private final BigInteger bigDen;

    private Rational(long num, long den) {
        this.num = num;
        this.den = den;
        this.bigNum = null;
        this.bigDen = null;
    }

    private Rational(BigInteger num, BigInteger den) {
        this.num = 0;
        this.den = 0;
        this.bigNum = num;
        this.bigDen = den;
    }

    // ---------------------------------------------------------------- construction

    public static Rational of(long value) {
        if (value == 0) return ZERO;
        if (value == 1) return ONE;
        if (value == Long.MIN_VALUE) return new Rational(LONG_MIN, BigInteger.ONE);
        return small(value, 1);
    }

    public static Rational of(long numerator, long denominator) {
        if (denominator == 0) throw new ArithmeticException("denominator is zero");
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
        }
        return normalizeSmall(numerator, denominator);
    }

    public static Rational of(BigInteger value) {
        return canonical(value, BigInteger.ONE);
    }

    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) throw new ArithmeticException("denominator is zero");
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger g = gcd(numerator, denominator);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
        if (numerator.signum() == 0) return ZERO;
        return canonical(numerator, denominator);
    }

    /** The exact value of a finite double (its binary value, not its shortest decimal). */
    public static Rational of(double value) {
        if (!Double.isFinite(value)) throw new ArithmeticException("not a finite number: " + value);
        if (value == 0) return ZERO;
        long bits = Double.doubleToRawLongBits(value);
        int exponent = (int) ((bits >> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;
        if (value < 0) mantissa = -mantissa;
        BigInteger m = BigInteger.valueOf(mantissa);
        return exponent >= 0 ? of(m.shiftLeft(exponent)) : of(m, BigInteger.ONE.shiftLeft(-exponent));
    }

    /** The exact value of a decimal. */
    public static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale <= 0 ? of(unscaled.multiply(BigInteger.TEN.pow(-scale)))
                : of(unscaled, BigInteger.TEN.pow(scale));
    }

    /** {@code mantissa * 2^exp2}, exactly, without a gcd. */
    public static Rational dyadic(long mantissa, int exp2) {
        if (mantissa == 0) return ZERO;
        int z = Long.numberOfTrailingZeros(mantissa);
        if (exp2 < 0 && exp2 > -63 && mantissa != Long.MIN_VALUE) {
            int drop = Math.min(z, -exp2);
            return smallDyadic(mantissa >> drop, -exp2 - drop);
        }
        return dyadic(BigInteger.valueOf(mantissa), exp2);
    }

    /** {@code mantissa * 2^exp2}, exactly, without a gcd. */
    public static Rational dyadic(BigInteger mantissa, int exp2) {
        if (mantissa.signum() == 0) return ZERO;
        if (exp2 >= 0) return canonical(mantissa.shiftLeft(exp2), BigInteger.ONE);
        int drop = Math.min(mantissa.getLowestSetBit(), -exp2);
        return canonical(mantissa.shiftRight(drop), BigInteger.ONE.shiftLeft(-exp2 - drop));
    }

    /** {@code n / 2^e} with {@code 0 <= e <= 62}, {@code n != Long.MIN_VALUE}, already reduced. */
    private static Rational smallDyadic(long n, int e) {
        if (n == 0) return ZERO;
        if (e == 0 && n == 1) return ONE;
        return small(n, 1L << e);
    }

    private static Rational normalizeSmall(long n, long d) {
        // Neither argument is Long.MIN_VALUE here.
        if (n == 0) return ZERO;
        if (d < 0) {
            n = -n;
            d = -d;
        }
        long g = d <= SMALL_GCD_LIMIT ? SMALL_GCD[(int) d][(int) (Math.abs(n) % d)] : gcd(Math.abs(n), d);
        if (g != 1) {
            n /= g;
            d /= g;
        }
        if (d == 1) {
            if (n == 1) return ONE;
        }
        return small(n, d);
    }

    /**
     * {@code SMALL_GCD[d][r] = gcd(d, r)} for {@code 1 <= d <= 64}, {@code 0 <= r < d}: the gcd of a
     * numerator {@code n} and a small denominator {@code d} is {@code gcd(d, |n| mod d)}, one division
     * and a lookup (small denominators are the common case of parsed decimals and fractions).
     */
    private static final int SMALL_GCD_LIMIT = 64;
    private static final byte[][] SMALL_GCD = new byte[SMALL_GCD_LIMIT + 1][];

    static {
        for (int d = 1; d <= SMALL_GCD_LIMIT; d++) {
            SMALL_GCD[d] = new byte[d];
            for (int r = 0; r < d; r++) SMALL_GCD[d][r] = (byte) gcd(d, r);
        }
    }

    /** {@code n/d} in lowest terms, {@code d > 0}, neither {@code Long.MIN_VALUE}: a shared instance when small. */
    private static Rational small(long n, long d) {
        if (n < -CACHED_NUMERATOR || n > CACHED_NUMERATOR || d > CACHED_DENOMINATOR) return new Rational(n, d);
        int i = (int) ((n + CACHED_NUMERATOR) * CACHED_DENOMINATOR + (d - 1));
        Rational r = CACHED[i];
        if (r == null) CACHED[i] = r = new Rational(n, d);
        return r;
    }

    /** Wraps an already reduced pair with positive denominator, choosing the small form if it fits. */
    private static Rational canonical(BigInteger n, BigInteger d) {
        if (n.signum() == 0) return ZERO;
        if (n.bitLength() < 64 && d.bitLength() < 64) {
            long ln = n.longValue();
            if (ln != Long.MIN_VALUE) return small(ln, d.longValue());
        }
        return new Rational(n, d);
    }

    static long gcd(long a, long b) {
        // Binary gcd on non-negative longs.
        if (a == 0) return b;
        if (b == 0) return a;
        int shift = Long.numberOfTrailingZeros(a | b);
        a >>= Long.numberOfTrailingZeros(a);
        do {
            b >>= Long.numberOfTrailingZeros(b);
            if (a > b) {
                long t = b;
                b = a;
                a = t;
            }
            b -= a;
        } while (b != 0);
        return a << shift;
    }

    /**
     * {@code gcd(a, b)} for {@code b > 0}; without Euclid's algorithm when {@code b} is a power of two
     * (the dyadic case: floats, hex literals, binary fractions) or one.
     */
    static BigInteger gcd(BigInteger a, BigInteger b) {
        if (b.equals(BigInteger.ONE)) return BigInteger.ONE;
        int low = b.getLowestSetBit();
        if (low == b.bitLength() - 1) {
            if (a.signum() == 0) return b;
            return BigInteger.ONE.shiftLeft(Math.min(low, a.getLowestSetBit()));
        }
        return Gcd.of(a, b);
    }

    /** Whether a positive {@code d} is a power of two. */
    static boolean isPowerOfTwo(BigInteger d) {
        // A positive d is a power of two exactly when its lowest set bit is its highest.
        return d.getLowestSetBit() == d.bitLength() - 1;
    }

    /** {@code x * 2^s} when it fits a long other than {@code Long.MIN_VALUE}, else {@code Long.MIN_VALUE}. */
    static long shiftExact(long x, int s) {
        if (x == 0) return 0;
        if (s >= 63) return Long.MIN_VALUE;
        long r = x << s;
        return (r >> s) == x ? r : Long.MIN_VALUE;
    }

    // ---------------------------------------------------------------- access

    boolean isSmall() {
        return bigNum == null;
    }

    /** The numerator of the small form (valid only when {@link #isSmall}). */
    long smallNumerator() {
        return num;
    }

    /** The denominator of the small form (valid only when {@link #isSmall}). */
    long smallDenominator() {
        return den;
    }

    /** {@code w . x + start} exactly, normalised once ({@link ExactSum}). */
    public static Rational dot(Rational[] w, Rational[] x, Rational start) {
        if (w.length != x.length) throw new IllegalArgumentException("dot product of lengths " + w.length + " and " + x.length);
        ExactSum sum = new ExactSum();
        sum.add(start);
        for (int j = 0; j < w.length; j++) sum.addProduct(w[j], x[j]);
        return sum.value();
    }

    public BigInteger numerator() {
        return isSmall() ? BigInteger.valueOf(num) : bigNum;
    }

    public BigInteger denominator() {
        return isSmall() ? BigInteger.valueOf(den) : bigDen;
    }

    public int signum() {
        return isSmall() ? Long.signum(num) : bigNum.signum();
    }

    public boolean isZero() {
        return isSmall() && num == 0;
    }

    public boolean isInteger() {
        return isSmall() ? den == 1 : bigDen.equals(BigInteger.ONE);
    }

    /** Whether the denominator is a power of two: an integer times a power of two (every float is). */
    public boolean isDyadic() {
        return isSmall() ? (den & (den - 1)) == 0 : isPowerOfTwo(bigDen);
    }

    /** Bits needed for numerator plus denominator: a size measure for generators and shrinking. */
    public int bitSize() {
        if (isSmall()) return bitLength(num) + bitLength(den);
        return bigNum.bitLength() + bigDen.bitLength();
    }

    /** {@code BigInteger.valueOf(x).bitLength()} without the object: bits of {@code x} apart from the sign. */
    private static int bitLength(long x) {
        return 64 - Long.numberOfLeadingZeros(x < 0 ? ~x : x);
    }

    // ---------------------------------------------------------------- arithmetic

    public Rational add(Rational o) {
        if (isSmall() && o.isSmall()) {
            if (((den & (den - 1)) | (o.den & (o.den - 1))) == 0) {
                Rational r = addSmallDyadic(num, den, o.num, o.den);
                if (r != null) return r;
            } else {
                try {
                    if (den == o.den) {
                        long n = Math.addExact(num, o.num);
                        if (n != Long.MIN_VALUE) return normalizeSmall(n, den);
                        throw new ArithmeticException("overflow");
                    }
                    long n = Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
                    long d = Math.multiplyExact(den, o.den);
                    if (n != Long.MIN_VALUE) return normalizeSmall(n, d);
                } catch (ArithmeticException overflow) {
                    // fall through to the big path
                }
            }
        }
        if (o.isZero()) return this;
        if (isZero()) return o;
        return addBig(numerator(), denominator(), o.numerator(), o.denominator());
    }

    /**
     * {@code n1/d1 + n2/d2} for denominators that are powers of two: align, add, drop common factors
     * of two. Null when a long overflows.
     */
    private static Rational addSmallDyadic(long n1, long d1, long n2, long d2) {
        long a = n1, b = n2, d = d1;
        if (d1 > d2) b = shiftExact(n2, Long.numberOfTrailingZeros(d1) - Long.numberOfTrailingZeros(d2));
        else if (d2 > d1) {
            a = shiftExact(n1, Long.numberOfTrailingZeros(d2) - Long.numberOfTrailingZeros(d1));
            d = d2;
        }
        if ((a == Long.MIN_VALUE) || (b == Long.MIN_VALUE)) return null;
        long n = a + b;
        if (((a ^ n) & (b ^ n)) < 0 || n == Long.MIN_VALUE) return null;
        if (n == 0) return ZERO;
        int drop = Math.min(Long.numberOfTrailingZeros(n), Long.numberOfTrailingZeros(d));
        return smallDyadic(n >> drop, Long.numberOfTrailingZeros(d) - drop);
    }

    /**
     * {@code n1/d1 + n2/d2}, both in lowest terms: powers of two by shifts; otherwise with the
     * gcd of the denominators first (Knuth, TAOCP 4.5.1), so the final reduction only meets that gcd.
     */
    private static Rational addBig(BigInteger n1, BigInteger d1, BigInteger n2, BigInteger d2) {
        if (isPowerOfTwo(d1) && isPowerOfTwo(d2)) {
            int e1 = d1.bitLength() - 1, e2 = d2.bitLength() - 1;
            int e = Math.max(e1, e2);
            BigInteger n = n1.shiftLeft(e - e1).add(n2.shiftLeft(e - e2));
            if (n.signum() == 0) return ZERO;
            int drop = Math.min(n.getLowestSetBit(), e);
            return canonical(n.shiftRight(drop), BigInteger.ONE.shiftLeft(e - drop));
        }
        if (d1.equals(d2)) return of(n1.add(n2), d1);
        BigInteger g = Gcd.of(d1, d2);
        if (g.equals(BigInteger.ONE)) return canonical(n1.multiply(d2).add(n2.multiply(d1)), d1.multiply(d2));
        BigInteger s1 = d1.divide(g);
        BigInteger t = n1.multiply(d2.divide(g)).add(n2.multiply(s1));
        if (t.signum() == 0) return ZERO;
        BigInteger g2 = Gcd.of(t, g);
        if (g2.equals(BigInteger.ONE)) return canonical(t, s1.multiply(d2));
        return canonical(t.divide(g2), s1.multiply(d2.divide(g2)));
    }

    public Rational negate() {
        if (isSmall()) return num == 0 ? ZERO : small(-num, den);
        return canonical(bigNum.negate(), bigDen);
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        if (isSmall() && o.isSmall()) {
            if (num == 0 || o.num == 0) return ZERO;
            if (((den & (den - 1)) | (o.den & (o.den - 1))) == 0) {
                int e = Long.numberOfTrailingZeros(den) + Long.numberOfTrailingZeros(o.den);
                long hi = Math.multiplyHigh(num, o.num), n = num * o.num;
                if (hi == (n >> 63) && n != Long.MIN_VALUE) {
                    int drop = Math.min(Long.numberOfTrailingZeros(n), e);
                    if (e - drop <= 62) return smallDyadic(n >> drop, e - drop);
                }
            } else {
                long g1 = gcd(Math.abs(num), o.den);
                long g2 = gcd(Math.abs(o.num), den);
                try {
                    long n = Math.multiplyExact(num / g1, o.num / g2);
                    long d = Math.multiplyExact(den / g2, o.den / g1);
                    if (n != Long.MIN_VALUE) return n == 0 ? ZERO : small(n, d);
                } catch (ArithmeticException overflow) {
                    // fall through
                }
            }
        }
        if (isZero() || o.isZero()) return ZERO;
        // Cross gcds: (n1/g1)(n2/g2) / ((d1/g2)(d2/g1)) is already in lowest terms.
        BigInteger n1 = numerator(), d1 = denominator(), n2 = o.numerator(), d2 = o.denominator();
        BigInteger g1 = gcd(n1, d2), g2 = gcd(n2, d1);
        if (!g1.equals(BigInteger.ONE)) {
            n1 = n1.divide(g1);
            d2 = d2.divide(g1);
        }
        if (!g2.equals(BigInteger.ONE)) {
            n2 = n2.divide(g2);
            d1 = d1.divide(g2);
        }
        return canonical(n1.multiply(n2), d1.multiply(d2));
    }

    public Rational reciprocal() {
        if (isZero()) throw new ArithmeticException("division by zero");
        // n/d in lowest terms: d/n is in lowest terms too, only the sign moves to the numerator.
        if (isSmall()) return num > 0 ? small(den, num) : small(-den, -num);
        return bigNum.signum() > 0 ? canonical(bigDen, bigNum) : canonical(bigDen.negate(), bigNum.negate());
    }

    public Rational divide(Rational o) {
        return multiply(o.reciprocal());
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    /** Largest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator().divideAndRemainder(denominator());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    public BigInteger ceil() {
        return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
    }

    @Override
    public int compareTo(Rational o) {
        if (isSmall() && o.isSmall()) {
            if (den == o.den) return Long.compare(num, o.num);
            // 128-bit cross products are exact: compare high words, then unsigned low words.
            long h1 = Math.multiplyHigh(num, o.den), l1 = num * o.den;
            long h2 = Math.multiplyHigh(o.num, den), l2 = o.num * den;
            if (h1 != h2) return Long.compare(h1, h2);
            return Long.compareUnsigned(l1, l2);
        }
        int s1 = signum(), s2 = o.signum();
        if (s1 != s2) return Integer.compare(s1, s2);
        if (s1 == 0) return 0;
        BigInteger n1 = numerator(), d1 = denominator(), n2 = o.numerator(), d2 = o.denominator();
        // |x| lies in [2^(e-1), 2^(e+1)) for e = bits(numerator) - bits(denominator): magnitudes whose
        // e differ by 2 or more are ordered without the cross products (which for huge operands cost
        // two multiplications of the full size).
        long e1 = (long) n1.bitLength() - d1.bitLength(), e2 = (long) n2.bitLength() - d2.bitLength();
        if (e1 - e2 >= 2) return s1;
        if (e2 - e1 >= 2) return -s1;
        return n1.multiply(d2).compareTo(n2.multiply(d1));
    }

    // ---------------------------------------------------------------- conversion

    /** The nearest double, ties to even (huge values become infinite, tiny ones zero). */
    public double doubleValue() {
        // Both operands exact doubles: IEEE division rounds the exact quotient correctly.
        if (isSmall() && Math.abs(num) < (1L << 53) && den < (1L << 53)) return (double) num / den;
        return nearestDouble(numerator(), denominator());
    }

    /**
     * The double nearest to {@code n / d} ({@code d > 0}), ties to even, with subnormals and overflow
     * to infinity, by one integer division: the quotient is computed to 55-56 bits plus a sticky bit
     * for the remainder, then rounded once to the precision available at its exponent.
     */
    private static double nearestDouble(BigInteger n, BigInteger d) {
        int sign = n.signum();
        if (sign == 0) return 0.0;
        BigInteger a = n.abs();
        int shift = 55 - (a.bitLength() - d.bitLength());
        BigInteger[] qr = shift >= 0 ? a.shiftLeft(shift).divideAndRemainder(d) : a.divideAndRemainder(d.shiftLeft(-shift));
        BigInteger q = qr[0];
        boolean sticky = qr[1].signum() != 0;
        int qb = q.bitLength(); // 55 or 56
        long exponent = (long) qb - 1 - shift; // value in [2^exponent, 2^(exponent + 1))
        if (exponent > 1023) return sign * Double.POSITIVE_INFINITY;
        // Significant bits a double holds at this exponent: 53 for normal numbers, fewer below 2^-1022.
        long precision = exponent >= -1022 ? 53 : 53 - (-1022 - exponent);
        if (precision < 0) return sign * 0.0; // below half the smallest subnormal
        int drop = (int) (qb - precision); // bits to round away, >= 2
        BigInteger kept = q.shiftRight(drop);
        BigInteger rest = q.subtract(kept.shiftLeft(drop));
        BigInteger half = BigInteger.ONE.shiftLeft(drop - 1);
        int cmp = rest.compareTo(half);
        if (cmp > 0 || (cmp == 0 && (sticky || kept.testBit(0)))) kept = kept.add(BigInteger.ONE);
        // kept * 2^(drop - shift); kept < 2^54 is exact in a double and the scaling is exact.
        return sign * Math.scalb(kept.doubleValue(), drop - shift);
    }

    public BigDecimal toBigDecimal(MathContext mc) {
        return new BigDecimal(numerator()).divide(new BigDecimal(denominator()), mc);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) return true;
        if (!(other instanceof Rational)) return false;
        Rational o = (Rational) other;
        if (isSmall() != o.isSmall()) return false;
        return isSmall() ? num == o.num && den == o.den : bigNum.equals(o.bigNum) && bigDen.equals(o.bigDen);
    }

    @Override
    public int hashCode() {
        if (isSmall()) return Long.hashCode(num) * 31 + Long.hashCode(den);
        return bigNum.hashCode() * 31 + bigDen.hashCode();
    }

    /** {@code "n"} or {@code "n/d"}: the canonical exact text of the protocol. */
    @Override
    public String toString() {
        if (isSmall()) return den == 1 ? Long.toString(num) : num + "/" + den;
        return bigDen.equals(BigInteger.ONE) ? bigNum.toString() : bigNum + "/" + bigDen;
    }
}
